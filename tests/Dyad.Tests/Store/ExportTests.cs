using Dyad.Store;
using Parquet;
using Xunit;
using static Dyad.Tests.Store.TestData;

namespace Dyad.Tests.Store;

/// <summary>GDELT CSV/TSV, JSONL and Parquet exports, against both stores.</summary>
public sealed class ExportTests
{
    [SkippableTheory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public async Task Export_Gdelt_SixtyOneColumnsFilled(string kind)
    {
        await using var t = await TestStores.OpenAsync(kind);
        await EventStoreTests.SeedQueryDataAsync(t.Store);
        using var tsv = new StringWriter();
        long n = await EventExport.WriteGdeltAsync(t.Store.ReadEventsAsync(new EventQuery { Actor = "ARM" }), tsv, '\t', header: false);

        Assert.Equal(2, n);
        var rows = tsv.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToList();
        Assert.All(rows, r => Assert.Equal(61, r.Length));
        var r0 = rows[0];
        Assert.Equal(("20230414", "ARMMIL", "ARM", "MIL", "AZEMIL", "AZE"), (r0[1], r0[5], r0[7], r0[12], r0[15], r0[17]));
        Assert.Equal(("190", "190", "19", "4", "-10.0", "1", "1", "1"), (r0[26], r0[27], r0[28], r0[29], r0[30], r0[31], r0[32], r0[33]));
        Assert.Equal(("4", "Lachin", "AZ", "39.64", "46.55"), (r0[51], r0[52], r0[53], r0[56], r0[57]));

        using var csv = new StringWriter();
        await EventExport.WriteGdeltAsync(t.Store.ReadEventsAsync(new EventQuery()), csv, ',', header: true);
        Assert.StartsWith("GLOBALEVENTID,SQLDATE,MonthYear,", csv.ToString(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public async Task Export_JsonLines_KeepsContractFieldsAndCounts(string kind)
    {
        await using var t = await TestStores.OpenAsync(kind);
        await EventStoreTests.SeedQueryDataAsync(t.Store);
        using var jsonl = new StringWriter();
        await EventExport.WriteJsonLinesAsync(t.Store.ReadEventsAsync(new EventQuery()), jsonl);

        var lines = jsonl.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        using var doc = System.Text.Json.JsonDocument.Parse(lines[0]);
        foreach (string field in new[] { "doc_id", "sentence", "source", "source_text", "target", "target_text", "code", "root", "quad", "goldstein", "negated", "date", "location", "evidence", "rule", "plover", "event_id", "num_mentions", "num_sources", "num_articles" })
        {
            Assert.True(doc.RootElement.TryGetProperty(field, out _), field);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public async Task Export_Parquet_ReadableWithEveryRow(string kind)
    {
        await using var t = await TestStores.OpenAsync(kind);
        await EventStoreTests.SeedQueryDataAsync(t.Store);
        string path = Path.Combine(Path.GetTempPath(), "dyad-export-" + Guid.NewGuid().ToString("N") + ".parquet");
        try
        {
            await t.Store.ExportParquetAsync(new EventQuery { Actor = "AZE" }, path);

            await using var reader = await ParquetReader.CreateAsync(path);
            Assert.Equal(3, reader.Metadata!.NumRows);
            Assert.Equal(EventExport.ParquetSchema.DataFields.Select(f => f.Name), reader.Schema.DataFields.Select(f => f.Name));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
