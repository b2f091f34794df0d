using System.CommandLine;
using System.Globalization;
using Dyad.Coding;
using Dyad.Coding.Learning;
using Dyad.Coding.Input;
using Dyad.Lexicon;
using Dyad.Text;

namespace Dyad.Cli.Commands;

/// <summary>
/// <c>dyad explain</c>: codes a sentence (or a short text) and shows every step: the parse tree, the actor
/// matches with their dictionary lines, each pattern that matched and why it did or did not become an event,
/// and the events with their place and date.
/// </summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var text = new Argument<string?>("text") { Description = "The sentence or text to explain, or '-' to read it from standard input.", Arity = ArgumentArity.ZeroOrOne };
        var file = new Option<string?>("--file") { Description = "Read the text to explain from this file instead." };
        var date = new Option<string?>("--date") { Description = "Report date (YYYY-MM-DD), for dated roles and relative dates." };
        var noParse = new Option<bool>("--no-parse") { Description = "Explain the word-order coder (no parse tree), as 'dyad code --no-parse' would code." };
        var command = new Command("explain", "Show how Dyad codes a sentence: tree, actors, candidate patterns and why each event was or was not produced.")
        {
            text, file, date, noParse,
        };
        command.SetAction(parse =>
        {
            if (!CommonOptions.TryReportDate("explain", parse.GetValue(date), Console.Error, out var reportDate))
            {
                return 2;
            }

            string? path = parse.GetValue(file);
            string? given = parse.GetValue(text);
            if (path is not null)
            {
                if (!File.Exists(path))
                {
                    Console.Error.WriteLine($"dyad explain: {path}: no such file.");
                    return 2;
                }

                given = File.ReadAllText(path);
            }

            return Run(given ?? string.Empty, reportDate, !parse.GetValue(noParse), Console.Out, Console.Error, Console.In);
        });
        return command;
    }

    public static int Run(string text, DateOnly? reportDate, bool parse, TextWriter o, TextWriter errors, TextReader standardInput)
    {
        if (text == "-")
        {
            text = standardInput.ReadToEnd();
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            errors.WriteLine("dyad explain: the text is empty; give a sentence in quotes, '-' for standard input or --file PATH.");
            return 2;
        }

        var coder = new DyadCoder(parse: parse, explain: true);
        var document = coder.Analyse(new Document("explain", text, new DocumentMetadata(reportDate)));
        var actors = document.GetLayer<ActorLayer>();
        var trace = document.GetLayer<EventTrace>();
        var events = document.GetLayer<EventLayer>().Events;
        var inv = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(inv, $"Dictionaries {coder.Lexicon.Version}; report date {document.ReportDate?.ToString("yyyy-MM-dd", inv) ?? "unknown"}; {(parse ? "parse tree on" : "word order only (--no-parse)")}; decider {coder.Decider}{(coder.Model is null ? string.Empty : $", event model {coder.Model.Version}")}."));
        var modelActs = document.TryGetLayer<ModelActLayer>();
        foreach (var sentence in document.Sentences)
        {
            o.WriteLine();
            o.WriteLine(string.Create(inv, $"== Sentence {sentence.Index + 1}: {document.Slice(sentence.Span).ReplaceLineEndings(" ")}"));
            if (parse)
            {
                o.WriteLine("-- Tree");
                for (int t = sentence.TokenStart; t < sentence.TokenEnd; t++)
                {
                    int head = document.Heads[t];
                    string headText = head < 0 ? "ROOT" : string.Create(inv, $"{head - sentence.TokenStart + 1} {document.TokenText(head)}");
                    o.WriteLine(string.Create(inv, $"  {t - sentence.TokenStart + 1,3}  {document.TokenText(t).ToString(),-18} {document.Upos[t],-6} {document.Relations[t],-12} <- {headText}"));
                }
            }

            o.WriteLine("-- Actors");
            bool any = false;
            foreach (var m in actors.Mentions.Where(m => m.First >= sentence.TokenStart && m.Last < sentence.TokenEnd))
            {
                any = true;
                string where = m.Locative ? " (a place here, not an actor)" : string.Empty;
                string from = m.Evidence.Count == 0 ? "inferred from the article" : string.Join(", ", m.Evidence.Select(p => p.ToString()));
                o.WriteLine(string.Create(inv, $"  \"{document.Slice(document.TokenRange(m.First, m.Last))}\" -> {m.Code} [{m.Kind}{(m.Group >= 0 ? $", group {m.Group}" : string.Empty)}]{where}  from {from}"));
            }

            if (!any)
            {
                o.WriteLine("  none: no dictionary actor in this sentence, so no event can be coded here.");
            }

            o.WriteLine("-- Patterns");
            var decisions = trace.Decisions.Where(d => d.Sentence == sentence.Index).ToList();
            if (decisions.Count == 0)
            {
                o.WriteLine(any ? "  none matched: no verb or noun pattern of the dictionaries fits these words." : "  not tried (no actors).");
            }

            foreach (var d in decisions)
            {
                string trigger = document.Slice(document.TokenRange(d.TriggerFirst, d.TriggerLast));
                o.WriteLine(string.Create(inv, $"  \"{trigger}\" {d.Code} by {d.Rule}"));
                foreach (string path in d.Syntax)
                {
                    o.WriteLine("      tree: " + path);
                }

                o.WriteLine(string.Create(inv, $"      sources [{string.Join(", ", d.Sources)}], targets [{string.Join(", ", d.Targets)}]"));
                o.WriteLine(string.Create(inv, $"      {d.Outcome}: {d.Reason}"));
            }

            if (modelActs is not null)
            {
                WriteModelActs(document, sentence, modelActs, events, o);
            }

            o.WriteLine("-- Events");
            var here = events.Where(e => e.SentenceIndex == sentence.Index).ToList();
            if (here.Count == 0)
            {
                o.WriteLine("  none");
            }

            foreach (var e in here)
            {
                var r = e.Record;
                string place = r.Location is null ? "no place" : $"at {r.Location.Name} ({r.Location.Country})";
                string when = r.Date is null ? "no date" : $"on {r.Date}";
                o.WriteLine(string.Create(inv, $"  {r.Source ?? "-"} -> {r.Target ?? "-"} {r.Code} {r.CodeName}{(r.Negated ? " (negated)" : string.Empty)}, {place}, {when}; rule {r.Rule}"));
            }
        }

        return 0;
    }

    /// <summary>The learned model's reading of the sentence: each act with its scores and chosen actors, and what became of it.</summary>
    private static void WriteModelActs(Document document, Sentence sentence, ModelActLayer layer, List<CodedEvent> events, TextWriter o)
    {
        var inv = CultureInfo.InvariantCulture;
        o.WriteLine("-- Model (scores are margins: act over 'no act', mode over the next mode, role over 'none')");
        foreach (var (e, margin, mode) in layer.Vetoed.Where(v => v.Event.SentenceIndex == sentence.Index))
        {
            o.WriteLine(string.Create(inv, $"  rule event {e.Record.Source ?? "-"} -> {e.Record.Target ?? "-"} {e.Record.Code} at \"{e.Record.Trigger.Text}\" dropped: the model reads root {e.Record.Root} at {margin:F1} against 'no act' and the mode {mode} (combined decider, veto margin {LearnedEventStage.DefaultVetoMargin})"));
        }

        if (!layer.BySentence.TryGetValue(sentence.Index, out var acts) || acts.Count == 0)
        {
            o.WriteLine("  no act read above the act margin");
            return;
        }

        foreach (var act in acts)
        {
            string Actor(ArgumentCandidate? a, float margin) => a is null ? "none" :
                string.Create(inv, $"\"{document.Slice(document.TokenRange(a.First, a.Last))}\" = {a.Mention.Code}{(a.IsPronoun ? " (pronoun)" : a.IsNoun ? " (noun)" : string.Empty)} {margin:F1}");
            bool coded = events.Any(e => e.SentenceIndex == sentence.Index && e.TriggerFirst == act.Trigger && e.Record.Rule.StartsWith("model ", StringComparison.Ordinal));
            string outcome = !act.IsCoded ? $"not coded: the mode {act.Mode} is not an event (CODING_RULES 8-11)"
                : act.Source is null ? "not coded: no actor for the source"
                : coded ? "coded by the model" : "not added: the rules coded this word, or the same root between the same countries";
            o.WriteLine(string.Create(inv, $"  \"{document.TokenText(act.Trigger)}\" {act.Code} act {act.RootMargin:F1}, mode {act.Mode} {act.ModeMargin:F1}; source {Actor(act.Source, act.SourceMargin)}; target {Actor(act.Target, act.TargetMargin)}"));
            o.WriteLine("      " + outcome);
        }
    }
}
