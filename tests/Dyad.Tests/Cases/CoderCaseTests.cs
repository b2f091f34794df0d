using System.Globalization;
using Dyad.Cli.Commands;
using Dyad.Coding;
using Dyad.Text;
using Xunit;

namespace Dyad.Tests.Cases;

/// <summary>
/// Issue 4's table of hand-checked cases (Cases/coder-cases.tsv): each row is a sentence, its report date and the
/// events a trained coder following CODING_RULES.md would code, run with the shipped dictionaries. The set of
/// (source, target, code, negated) must match exactly. Cases the coder cannot do yet are in Cases/known-gaps.md.
/// </summary>
public sealed class CoderCaseTests
{
    private static readonly DyadCoder Coder = new(decider: Dyad.Coding.Learning.EventDecider.Rules); // the case table checks the rule coder

    private static readonly Lazy<IReadOnlyList<CoderCase>> AllCases = new(Load);

    /// <summary>One row of the table.</summary>
    public sealed record CoderCase(string Name, DateOnly? Date, string Construction, string Rules, string Text, string Expected)
    {
        /// <inheritdoc />
        public override string ToString() => Name;
    }

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in AllCases.Value)
        {
            data.Add(c.Name);
        }

        return data;
    }

    [Fact]
    public void CaseTable_HasAtLeast150UniquelyNamedCases()
    {
        var names = AllCases.Value.Select(c => c.Name).ToList();
        Assert.True(names.Count >= 150, $"only {names.Count} cases");
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Case_CodesExactlyTheHandCheckedEvents(string name)
    {
        var c = AllCases.Value.Single(x => x.Name == name);
        var expected = Parse(c.Expected);
        var actual = Coder.Code(new Document(c.Name, c.Text, new DocumentMetadata(c.Date)))
            .Select(e => (e.Source ?? "-", e.Target ?? "-", e.Code, e.Negated))
            .ToHashSet();
        if (!expected.SetEquals(actual))
        {
            var explanation = new StringWriter();
            ExplainCommand.Run(c.Text, c.Date, parse: true, explanation, explanation, TextReader.Null);
            Assert.Fail($"{c.Name} ({c.Construction}; CODING_RULES {c.Rules})\n{c.Text}\n  expected: {Show(expected)}\n  actual:   {Show(actual)}\n\n{explanation}");
        }
    }

    private static HashSet<(string, string, string, bool)> Parse(string expected) =>
        expected.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => e.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => (p[0], p[1], p[2], p.Length > 3 && p[3] == "negated"))
            .ToHashSet();

    private static string Show(IEnumerable<(string Source, string Target, string Code, bool Negated)> events) =>
        string.Join("; ", events.OrderBy(e => e.Code, StringComparer.Ordinal).ThenBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Target, StringComparer.Ordinal)
            .Select(e => $"{e.Source} {e.Target} {e.Code}{(e.Negated ? " negated" : string.Empty)}")) is { Length: > 0 } s ? s : "(none)";

    private static IReadOnlyList<CoderCase> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Cases", "coder-cases.tsv");
        var cases = new List<CoderCase>();
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("name\t", StringComparison.Ordinal))
            {
                continue;
            }

            string[] f = line.Split('\t');
            if (f.Length != 6)
            {
                throw new InvalidDataException($"{path}: expected 6 tab-separated fields: {line}");
            }

            DateOnly? date = f[1].Length == 0 ? null : DateOnly.Parse(f[1], CultureInfo.InvariantCulture);
            cases.Add(new CoderCase(f[0], date, f[2], f[3], f[4], f[5]));
        }

        return cases;
    }
}
