#!/usr/bin/env dotnet
// Development check of the where-and-when stage alone, before (or beside) the coder: for every gold event of
// a gold file, an event is built with the gold actors and code and a trigger guessed from a per-root word
// list (the first word of the list found in the text), then WhereWhenStage places and dates it and the
// result is scored like `dyad eval` does over matched events. Trigger guesses are approximate: the figures
// measure the stage given roughly the right words, not the whole system.
//
//   dotnet run tools/geo/oracle-eval.cs -- ../shared/eval/dev-gold.jsonl ../shared/seed [--list] [--coder]
// With --coder the real coder's events are used instead (matched to gold as `dyad eval` matches them).
#:project ../../src/Dyad.Coding/Dyad.Coding.csproj

using Dyad.Coding;
using Dyad.Coding.Evaluation;
using Dyad.Coding.WhereWhen;
using Dyad.Text;

string goldPath = args.Length > 0 ? args[0] : "../shared/eval/dev-gold.jsonl";
string? seedDir = args.Length > 1 ? args[1] : null;
bool list = args.Contains("--list");
bool useCoder = args.Contains("--coder");
var problems = new List<string>();
var items = GoldItem.ReadFile(goldPath, seedDir, problems);
foreach (string p in problems)
{
    Console.Error.WriteLine(p);
}

var triggers = new Dictionary<string, string[]>
{
    ["01"] = ["condolence", "commiserated", "sympathy", "condolences", "claimed", "dismissed", "denies", "said", "stated"],
    ["02"] = ["urged", "appeal", "asked", "sought", "expects", "called", "calls", "insisted", "help"],
    ["03"] = ["will", "offered", "agreed", "due", "announced", "likely", "travel", "wished", "send", "meeting"],
    ["04"] = ["met", "talks", "visited", "spoke", "trip", "hosted", "hosting", "discussed", "meeting", "phone", "stops"],
    ["05"] = ["signed", "established", "restore", "statement", "agreements", "communique", "recognise", "thanked", "positive", "sorry", "agreement", "documents"],
    ["06"] = ["trained", "exercise", "join"],
    ["07"] = ["delivered", "convoy", "flights", "aircraft", "received", "granted", "arrived", "trucks", "carried"],
    ["08"] = ["ended", "lifted", "relaxed", "resigned", "pulling", "curfew", "freed"],
    ["09"] = ["inquiry", "probe", "investigation"],
    ["10"] = ["demanded", "insisted", "called", "sought", "wanted"],
    ["11"] = ["accused", "accusing", "criticized", "condemned", "blamed", "called", "escalate", "lack", "unacceptable", "accuse", "citing", "protest", "said"],
    ["12"] = ["rejected", "turned", "dismissed", "rebuffed"],
    ["13"] = ["threatened", "threatening", "warned", "ultimatum", "replied"],
    ["14"] = ["protests", "marched", "rally", "protested", "demonstrations", "defied", "protest", "unrest", "violent"],
    ["15"] = ["alert", "moved", "patrols", "increased", "sent", "troop"],
    ["16"] = ["cut", "expelled", "recalled", "broken", "sanctions", "closed", "restrictions"],
    ["17"] = ["arrested", "detained", "deported", "held", "rounding", "expelled", "declared", "curfew", "ordered"],
    ["18"] = ["attacked", "bomber", "abducted", "kidnapping", "shot", "blew", "attacks", "struck"],
    ["19"] = ["firing", "shelling", "fighting", "shootout", "gunfight", "killed", "fired", "downing", "seized", "countermeasures", "clashes"],
    ["20"] = ["attacked", "massacre", "struck", "overwhelmed"],
};

var pairs = new List<EventPair>();
var stage = new WhereWhenStage();
if (useCoder)
{
    // The real coder's events, matched to gold as `dyad eval` does; lists the place and date disagreements.
    var coder = new DyadCoder();
    var system = items.ToDictionary(i => i.Id, i => coder.Code(new Document(i.Id, i.Text, new DocumentMetadata(i.DatelineDate))));
    var report = Scorer.Score(items, system);
    foreach (var pair in report.Matched)
    {
        Report(pair.ItemId, pair.Gold, pair.System);
    }

    foreach (string line in PlaceDateScoring.Score(report.Matched).Lines())
    {
        Console.WriteLine(line);
    }

    return;
}

void Report(string id, GoldEvent g, EventRecord s)
{
    if (!list)
    {
        return;
    }

    bool placeOk = g.HasLocation ? s.Location is not null && s.Location.Country == g.PlaceCountry && g.PlaceName is string n && PlaceDateScoring.NamesMatch(n, s.Location.Name) : s.Location is null;
    bool dateOk = g.EventDate == s.Date;
    if (!placeOk || !dateOk)
    {
        Console.WriteLine($"{id} {g.Code} {g.Source}->{g.Target} [{s.Trigger.Text}@{s.Sentence}] place {(placeOk ? "ok" : "BAD")}: gold {g.PlaceName ?? "-"}/{g.PlaceCountry ?? "-"} sys {s.Location?.Name ?? "-"}/{s.Location?.Country ?? "-"}; date {(dateOk ? "ok" : "BAD")}: gold {g.EventDate ?? "-"} sys {s.Date ?? "-"}");
    }
}

foreach (var item in items)
{
    if (item.Events.Count == 0)
    {
        continue;
    }

    var document = new Document(item.Id, item.Text, new DocumentMetadata(item.DatelineDate));
    new SegmentationStage().Process(document);
    new RuleLemmaStage().Process(document);
    var events = new List<CodedEvent>();
    var golds = new List<GoldEvent>();
    foreach (var g in item.Events.Where(e => !e.Optional))
    {
        int token = FindTrigger(document, triggers.GetValueOrDefault(g.Root) ?? []);
        if (token < 0)
        {
            Console.Error.WriteLine($"{item.Id}: no trigger for {g.Code} {g.Source}->{g.Target}");
            continue;
        }

        int sentence = document.SentenceOfToken(token);
        var span = document.Sentence(sentence).Span;
        var t = document.Token(token);
        int root = int.Parse(g.Root);
        var record = new EventRecord
        {
            DocId = item.Id, Sentence = sentence, Source = g.Source, Target = g.Target, Code = g.Code, Root = g.Root,
            Quad = 1, Goldstein = 0, Negated = g.Negated, Evidence = new Evidence(span.Start, span.End, document.Slice(span)),
            Rule = "oracle", Trigger = new Evidence(t.Start, t.End, document.TokenText(token).ToString()),
        };
        bool speech = root is <= 5 or (>= 10 and <= 13) && !g.Code.StartsWith("05", StringComparison.Ordinal);
        events.Add(new CodedEvent(record, sentence, token, token, null, null) { IsSpeechAct = speech });
        golds.Add(g);
    }

    document.SetLayer(Layer.Events, new EventLayer(events));
    stage.Process(document);
    var coded = document.GetLayer<EventLayer>().Events;
    for (int i = 0; i < coded.Count; i++)
    {
        pairs.Add(new EventPair(item.Id, golds[i], coded[i].Record));
        Report(item.Id, golds[i], coded[i].Record);
    }
}

foreach (string line in PlaceDateScoring.Score(pairs).Lines())
{
    Console.WriteLine(line);
}

static int FindTrigger(Document document, string[] words)
{
    foreach (string w in words)
    {
        for (int i = 0; i < document.TokenCount; i++)
        {
            if (document.TokenText(i).Equals(w, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
    }

    return -1;
}
