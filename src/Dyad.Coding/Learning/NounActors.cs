using System.Collections.Frozen;
using Dyad.Text;

namespace Dyad.Coding.Learning;

/// <summary>
/// Common nouns that name an actor without a country or a name ("protesters", "the junta", "officers", "the
/// bloc"), learned from the labelled corpus: for each noun, the role its labelled actors take most often (a CAMEO
/// role segment such as OPP or COP; ORG for an international body named before; CTRY for the country itself).
/// At coding time such a noun becomes an actor of the article's country (the dateline's, else the country named
/// most) or of the body named last. Stored inside the event model; immutable.
/// </summary>
public sealed class NounActors
{
    private readonly FrozenDictionary<string, string> _roles;

    private NounActors(FrozenDictionary<string, string> roles) => _roles = roles;

    /// <summary>No nouns.</summary>
    public static NounActors Empty { get; } = new(FrozenDictionary<string, string>.Empty);

    /// <summary>Number of nouns.</summary>
    public int Count => _roles.Count;

    /// <summary>The learned role of a noun lemma, or null.</summary>
    public string? RoleOf(string lemma) => _roles.GetValueOrDefault(lemma);

    /// <summary>
    /// Learns the table from (noun lemma, labelled actor code, article country) observations: a noun is kept when it
    /// was seen at least <paramref name="minCount"/> times, its commonest role has at least <paramref name="minShare"/>
    /// of them, and (for roles of a country) the labelled country was the article's country at least half the time.
    /// </summary>
    public static NounActors Learn(IEnumerable<(string Lemma, string Code, string? HomeCountry)> observations, int minCount = 2, double minShare = 0.6)
    {
        var byLemma = new Dictionary<string, List<(string Role, bool Home)>>(StringComparer.Ordinal);
        foreach (var (lemma, code, home) in observations)
        {
            string role = RoleKey(code);
            bool isHome = role is "ORG" || (home is not null && code.StartsWith(home, StringComparison.Ordinal));
            if (!byLemma.TryGetValue(lemma, out var list))
            {
                byLemma[lemma] = list = [];
            }

            list.Add((role, isHome));
        }

        var roles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (lemma, list) in byLemma.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (list.Count < minCount)
            {
                continue;
            }

            var best = list.GroupBy(x => x.Role).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First();
            if (best.Count() >= minShare * list.Count && best.Count(x => x.Home) * 2 >= best.Count())
            {
                roles[lemma] = best.Key;
            }
        }

        return new NounActors(roles.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The role key of an actor code: ORG for international bodies, CTRY for a bare country, else the role segment.</summary>
    internal static string RoleKey(string code) =>
        code.StartsWith("IGO", StringComparison.Ordinal) || code.StartsWith("NGO", StringComparison.Ordinal) ? "ORG" : code.Length == 3 ? "CTRY" : code.Length >= 6 ? code[3..6] : "CTRY";

    /// <summary>
    /// The actor a noun at token <paramref name="head"/> (with words <paramref name="first"/>..head) names, or null:
    /// the role of its lemma composed with <paramref name="homeCountry"/>, or the last international body.
    /// </summary>
    internal ActorMention? Compose(string lemma, int first, int head, string? homeCountry, ActorMention? lastOrganisation)
    {
        if (RoleOf(lemma) is not string role)
        {
            return null;
        }

        if (role == "ORG")
        {
            return lastOrganisation is null ? null : new ActorMention(first, head, lastOrganisation.Code, ActorMentionKind.Inferred, false, []);
        }

        return homeCountry is null ? null : new ActorMention(first, head, role == "CTRY" ? homeCountry : homeCountry + role, ActorMentionKind.Inferred, false, []);
    }

    internal void Write(BinaryWriter w)
    {
        var ordered = _roles.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        w.Write(ordered.Count);
        foreach (var (lemma, role) in ordered)
        {
            w.Write(lemma);
            w.Write(role);
        }
    }

    internal static NounActors Read(BinaryReader r)
    {
        int n = r.ReadInt32();
        var map = new Dictionary<string, string>(n, StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            map[r.ReadString()] = r.ReadString();
        }

        return new NounActors(map.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
