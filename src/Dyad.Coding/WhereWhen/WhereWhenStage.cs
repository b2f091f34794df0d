using Dyad.Lexicon.Geo;
using Dyad.Text;

namespace Dyad.Coding.WhereWhen;

/// <summary>
/// The where-and-when stage: finds place and date expressions in every sentence, adds them as the
/// <see cref="Layer.Places"/> (<see cref="PlaceLayer"/>) and <see cref="Layer.Dates"/> (<see cref="DateLayer"/>)
/// layers, and replaces each event of the <see cref="EventLayer"/> with one whose record has its location,
/// date and date precision filled (null when the text gives none; never the report date by default).
/// Thread-safe: one instance serves concurrent documents.
/// </summary>
public sealed class WhereWhenStage : IPipelineStage
{
    private readonly ToponymRecognizer _recognizer;
    private readonly EventPlaceResolver _places;
    private readonly EventDateResolver _dates = new();
    private readonly Func<Document, int, IReadOnlyList<PlaceMention>> _findPlaces;

    private static readonly Func<Document, int, IReadOnlyList<DateExpression>> FindDates = static (d, s) => DateFinder.Find(d, s, d.ReportDate);

    /// <summary>Creates the stage over <paramref name="gazetteer"/> (the shipped gazetteer when null, loaded on first use).</summary>
    public WhereWhenStage(Gazetteer? gazetteer = null)
    {
        _recognizer = new ToponymRecognizer(gazetteer);
        _places = new EventPlaceResolver(gazetteer);
        _findPlaces = _recognizer.Find;
    }

    /// <summary>When false (the default), month- and year-precise dates are left out of the records, as the gold
    /// sets code them (CODING_RULES 11-12 give "in 2009" no event date); when true they are written with their precision.</summary>
    public bool IncludeCoarseDates { get; init; }

    /// <inheritdoc />
    public string Name => "where-when";

    /// <inheritdoc />
    public IReadOnlyList<Layer> Needs { get; } = [Layer.Tokens, Layer.Sentences, Layer.Dateline, Layer.Events];

    /// <inheritdoc />
    public IReadOnlyList<Layer> Adds { get; } = [Layer.Places, Layer.Dates];

    /// <inheritdoc />
    public void Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        // Mentions are found on demand, sentence by sentence (see SentenceCache).
        var placeLayer = new PlaceLayer(new SentenceCache<PlaceMention>(document, _findPlaces));
        var dateLayer = new DateLayer(document.ReportDate, new SentenceCache<DateExpression>(document, FindDates));
        document.SetLayer(Layer.Places, placeLayer);
        document.SetLayer(Layer.Dates, dateLayer);

        var layer = document.TryGetLayer<EventLayer>();
        if (layer is null || layer.Events.Count == 0)
        {
            return;
        }

        var events = layer.Events;
        var dates = _dates.Resolve(document, events, dateLayer);
        var locations = _places.Resolve(document, events, placeLayer, dates);
        ShareBetweenCounterparts(events, dates, locations);
        for (int i = 0; i < events.Count; i++)
        {
            var date = dates[i];
            if (date is EventDate d && d.Precision != DatePrecision.Day && !IncludeCoarseDates)
            {
                date = null;
            }

            var old = events[i].Record;
            if (date is null && locations[i] is null && old.Date is null && old.DatePrecision is null && old.Location is null)
            {
                continue; // nothing to write: most events; copying their records would only feed the collector
            }

            var record = old with
            {
                Date = date?.Format(),
                DatePrecision = date?.PrecisionName,
                Location = locations[i],
            };
            events[i] = events[i] with { Record = record };
        }
    }

    /// <summary>
    /// The two directions of one reciprocal act (same words, same code, actors swapped) happened at one time and
    /// place: when only one direction found its date or place, the other takes it.
    /// </summary>
    private static void ShareBetweenCounterparts(IReadOnlyList<CodedEvent> events, EventDate?[] dates, EventLocation?[] locations)
    {
        for (int a = 0; a < events.Count; a++)
        {
            for (int b = a + 1; b < events.Count && events[b].SentenceIndex == events[a].SentenceIndex; b++)
            {
                var x = events[a].Record;
                var y = events[b].Record;
                if (events[a].TriggerFirst != events[b].TriggerFirst || x.Code != y.Code || x.Source != y.Target || x.Target != y.Source)
                {
                    continue;
                }

                dates[a] ??= dates[b];
                dates[b] ??= dates[a];
                locations[a] ??= locations[b];
                locations[b] ??= locations[a];
            }
        }
    }
}
