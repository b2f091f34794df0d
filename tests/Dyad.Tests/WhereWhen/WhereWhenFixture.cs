using Dyad.Coding;
using Dyad.Text;

namespace Dyad.Tests.WhereWhen;

/// <summary>Builds documents and hand-made event layers for the where-and-when tests.</summary>
internal static class WhereWhenFixture
{
    /// <summary>Segments and lemmatises <paramref name="text"/> with report date <paramref name="reportDate"/> (yyyy-MM-dd).</summary>
    public static Document Analyse(string text, string? reportDate, string id = "t")
    {
        var date = reportDate is null ? (DateOnly?)null : DateOnly.ParseExact(reportDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var document = new Document(id, text, new DocumentMetadata(date));
        new SegmentationStage().Process(document);
        new RuleLemmaStage().Process(document);
        return document;
    }

    /// <summary>
    /// An event whose trigger is the <paramref name="occurrence"/>-th token equal to <paramref name="trigger"/>
    /// (a one-word trigger, compared case-insensitively).
    /// </summary>
    public static CodedEvent Event(Document document, string trigger, string code, string? source, string? target, bool speech = false, int occurrence = 0, bool embedded = false)
    {
        int seen = 0;
        for (int i = 0; i < document.TokenCount; i++)
        {
            if (!document.TokenText(i).Equals(trigger, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (seen++ < occurrence)
            {
                continue;
            }

            int sentence = document.SentenceOfToken(i);
            var span = document.Sentence(sentence).Span;
            var token = document.Token(i);
            var record = new EventRecord
            {
                DocId = document.Id,
                Sentence = sentence,
                Source = source,
                Target = target,
                Code = code,
                Root = code[..2],
                Quad = 1,
                Goldstein = 0,
                Evidence = new Evidence(span.Start, span.End, document.Slice(span)),
                Rule = "test",
                Trigger = new Evidence(token.Start, token.End, document.TokenText(i).ToString()),
            };
            return new CodedEvent(record, sentence, i, i, null, null) { IsSpeechAct = speech, IsEmbedded = embedded };
        }

        throw new ArgumentException($"No token '{trigger}' (occurrence {occurrence}) in the text.");
    }

    /// <summary>Runs the where-and-when stage over hand-made events and returns their records.</summary>
    public static List<EventRecord> Run(Document document, params CodedEvent[] events)
    {
        document.SetLayer(Layer.Events, new EventLayer([.. events]));
        new Dyad.Coding.WhereWhen.WhereWhenStage().Process(document);
        return document.GetLayer<EventLayer>().Events.Select(e => e.Record).ToList();
    }
}
