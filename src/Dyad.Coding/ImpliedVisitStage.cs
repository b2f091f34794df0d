using Dyad.Text;

namespace Dyad.Coding;

/// <summary>
/// Talks or a meeting held in the other party's country imply a visit (CODING_RULES 3: 042 visitor -> host,
/// 043 host -> visitor, as a pair): "Jaishankar held talks with Lavrov in Moscow" adds INDGOV 042 RUSGOV and
/// RUSGOV 043 INDGOV. Runs after places are resolved; the added events carry the words, place and date of the
/// meeting and a rule naming this inference. Nothing is added when the text already codes the visit or when the
/// meeting's place is in neither party's country (a third location).
/// </summary>
public sealed class ImpliedVisitStage : IPipelineStage
{
    /// <summary>The rule recorded on inferred events.</summary>
    public const string Rule = "inferred: talks held in the host's country imply a visit (CODING_RULES 3)";

    private readonly Lexicon.Lexicon _lexicon;

    /// <summary>Creates the stage over <paramref name="lexicon"/> (for country ISO codes and the CAMEO table).</summary>
    public ImpliedVisitStage(Lexicon.Lexicon lexicon) => _lexicon = lexicon;

    /// <inheritdoc />
    public string Name => "implied-visits";

    /// <inheritdoc />
    public IReadOnlyList<Layer> Needs { get; } = [Layer.Events, Layer.Places];

    /// <inheritdoc />
    public IReadOnlyList<Layer> Adds { get; } = [];

    /// <inheritdoc />
    public void Process(Document document)
    {
        var layer = document.TryGetLayer<EventLayer>();
        if (layer is null || layer.Events.Count == 0)
        {
            return;
        }

        var events = layer.Events;
        var added = new List<(int After, CodedEvent Event)>();
        for (int i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var r = e.Record;
            if (r.Code is not ("040" or "046") || r.Negated || r.Source is not { Length: >= 3 } source || r.Target is not { Length: >= 3 } target ||
                r.Location?.Country is not string placeCountry)
            {
                continue;
            }

            if (!_lexicon.Actors.CountryIso2.TryGetValue(source[..3], out string? sourceIso) || !_lexicon.Actors.CountryIso2.TryGetValue(target[..3], out string? targetIso) ||
                sourceIso == targetIso || !string.Equals(placeCountry, targetIso, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            bool alreadyCoded = events.Any(x => x.SentenceIndex == e.SentenceIndex && x.Record.Code == "042" && x.Record.Source == source && x.Record.Target == target) ||
                                added.Any(a => a.Event.Record.Source == source && a.Event.Record.Target == target && a.Event.SentenceIndex == e.SentenceIndex);
            if (alreadyCoded)
            {
                continue;
            }

            added.Add((i, Inferred(e, "042", source, target, r.SourceText, r.SourceSpan, r.TargetText, r.TargetSpan)));
            added.Add((i, Inferred(e, "043", target, source, r.TargetText, r.TargetSpan, r.SourceText, r.SourceSpan) with { SourceTokens = e.TargetTokens, TargetTokens = e.SourceTokens }));
        }

        for (int k = added.Count - 1; k >= 0; k--)
        {
            events.Insert(added[k].After + 1, added[k].Event);
        }
    }

    private CodedEvent Inferred(CodedEvent meeting, string code, string source, string target, string? sourceText, int[]? sourceSpan, string? targetText, int[]? targetSpan)
    {
        var record = meeting.Record.WithType(_lexicon.Ontology.Find(code)!) with
        {
            Source = source,
            SourceText = sourceText,
            SourceSpan = sourceSpan,
            Target = target,
            TargetText = targetText,
            TargetSpan = targetSpan,
            Rule = Rule,
        };
        return meeting with { Record = record };
    }
}
