namespace Dyad.Coding.Evaluation;

/// <summary>A system event matched to a gold event.</summary>
/// <param name="ItemId">Gold item.</param>
/// <param name="Gold">The gold event.</param>
/// <param name="System">The system event.</param>
public sealed record EventPair(string ItemId, GoldEvent Gold, EventRecord System)
{
    /// <summary>Same code, or a code in alt_codes.</summary>
    public bool FullCode => System.Code == Gold.Code || Gold.AltCodes.Contains(System.Code);

    /// <summary>Shares the first three digits with the gold code (or an alternative).</summary>
    public bool PartialCode => FullCode || Prefix3(System.Code) == Prefix3(Gold.Code) || Gold.AltCodes.Any(a => Prefix3(a) == Prefix3(System.Code));

    /// <summary>Actors right at country + role level (first six characters; null gold = wildcard).</summary>
    public bool RoleLevelActors => Scorer.ActorMatches(Gold.Source, Gold.AltSources, System.Source, 6) && Scorer.ActorMatches(Gold.Target, Gold.AltTargets, System.Target, 6);

    private static string Prefix3(string code) => code.Length >= 3 ? code[..3] : code;
}

/// <summary>Counts for one slice (overall, a root, a tag).</summary>
public sealed class SliceScore
{
    /// <summary>Matched non-optional gold events.</summary>
    public int TruePositives { get; set; }

    /// <summary>System events matched to nothing.</summary>
    public int FalsePositives { get; set; }

    /// <summary>Non-optional gold events matched by nothing.</summary>
    public int FalseNegatives { get; set; }

    /// <summary>Precision.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>Recall.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>F1.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>The result of scoring a system against a gold set.</summary>
public sealed class EvaluationReport
{
    /// <summary>Root-level matches with source and target countries right.</summary>
    public SliceScore Overall { get; } = new();

    /// <summary>Per gold root (false positives counted under the system root).</summary>
    public SortedDictionary<string, SliceScore> ByRoot { get; } = new(StringComparer.Ordinal);

    /// <summary>Per category (seed, coded, tricky, negative).</summary>
    public SortedDictionary<string, SliceScore> ByCategory { get; } = new(StringComparer.Ordinal);

    /// <summary>Matched pairs with non-optional gold.</summary>
    public List<EventPair> Matched { get; } = [];

    /// <summary>Gold events missed, with their item.</summary>
    public List<(GoldItem Item, GoldEvent Gold)> Misses { get; } = [];

    /// <summary>System events matched to nothing.</summary>
    public List<(GoldItem Item, EventRecord System)> FalsePositives { get; } = [];

    /// <summary>System events absorbed by OPTIONAL gold events.</summary>
    public int AbsorbedByOptional { get; set; }

    /// <summary>Negative items (no gold events).</summary>
    public int NegativeItems { get; set; }

    /// <summary>Negative items where the system produced no event.</summary>
    public int NegativeItemsClean { get; set; }

    /// <summary>Items scored.</summary>
    public int Items { get; set; }

    /// <summary>Fraction of matched events with the full code right.</summary>
    public double FullCodeAccuracy => Matched.Count == 0 ? 0 : (double)Matched.Count(p => p.FullCode) / Matched.Count;

    /// <summary>Fraction of matched events with the code right to three digits.</summary>
    public double PartialCodeAccuracy => Matched.Count == 0 ? 0 : (double)Matched.Count(p => p.PartialCode) / Matched.Count;

    /// <summary>Fraction of matched events with both actors right at country + role level.</summary>
    public double RoleAccuracy => Matched.Count == 0 ? 0 : (double)Matched.Count(p => p.RoleLevelActors) / Matched.Count;
}

/// <summary>
/// Scores system events against gold per CODING_RULES section 15: one-to-one greedy matching within an item on
/// root + source/target country (null gold actors are wildcards, alt codes and actors count); negated gold only
/// matches negated system events; OPTIONAL gold absorbs system events without counting.
/// </summary>
public static class Scorer
{
    /// <summary>Scores <paramref name="system"/> (events per item id) against <paramref name="gold"/>.</summary>
    public static EvaluationReport Score(IReadOnlyList<GoldItem> gold, IReadOnlyDictionary<string, IReadOnlyList<EventRecord>> system)
    {
        var report = new EvaluationReport();
        foreach (var item in gold)
        {
            report.Items++;
            var produced = system.TryGetValue(item.Id, out var list) ? list : [];
            var category = Slice(report.ByCategory, item.Category);
            if (item.Events.Count == 0)
            {
                report.NegativeItems++;
                if (produced.Count == 0)
                {
                    report.NegativeItemsClean++;
                }
            }

            var used = new bool[produced.Count];
            // Pass 1: required gold events, preferring a system event with the full code.
            foreach (var g in item.Events.Where(e => !e.Optional))
            {
                int best = -1;
                for (int s = 0; s < produced.Count; s++)
                {
                    if (used[s] || !Matches(g, produced[s]))
                    {
                        continue;
                    }

                    if (best < 0 || (!new EventPair(item.Id, g, produced[best]).FullCode && new EventPair(item.Id, g, produced[s]).FullCode))
                    {
                        best = s;
                    }
                }

                var root = Slice(report.ByRoot, g.Root);
                if (best >= 0)
                {
                    used[best] = true;
                    report.Matched.Add(new EventPair(item.Id, g, produced[best]));
                    report.Overall.TruePositives++;
                    root.TruePositives++;
                    category.TruePositives++;
                }
                else
                {
                    report.Misses.Add((item, g));
                    report.Overall.FalseNegatives++;
                    root.FalseNegatives++;
                    category.FalseNegatives++;
                }
            }

            // Pass 2: OPTIONAL gold absorbs what is left.
            foreach (var g in item.Events.Where(e => e.Optional))
            {
                for (int s = 0; s < produced.Count; s++)
                {
                    if (!used[s] && Matches(g, produced[s]))
                    {
                        used[s] = true;
                        report.AbsorbedByOptional++;
                        break;
                    }
                }
            }

            for (int s = 0; s < produced.Count; s++)
            {
                if (!used[s])
                {
                    report.FalsePositives.Add((item, produced[s]));
                    report.Overall.FalsePositives++;
                    Slice(report.ByRoot, produced[s].Root).FalsePositives++;
                    category.FalsePositives++;
                }
            }
        }

        return report;
    }

    /// <summary>Root (or an alternative code's root), actors at country level, and negation agree.</summary>
    public static bool Matches(GoldEvent gold, EventRecord system)
    {
        bool rootOk = system.Root == gold.Root || gold.AltCodes.Any(a => a.Length >= 2 && a[..2] == system.Root);
        return rootOk && gold.Negated == system.Negated &&
               ActorMatches(gold.Source, gold.AltSources, system.Source, 3) &&
               ActorMatches(gold.Target, gold.AltTargets, system.Target, 3);
    }

    /// <summary>
    /// Actor agreement at <paramref name="length"/> characters (3 = country, 6 = country + role). A null gold actor
    /// is a wildcard. Organisation codes (IGO, NGO, IMG...) must agree in full at country level.
    /// </summary>
    public static bool ActorMatches(string? gold, IReadOnlyList<string> alternatives, string? system, int length)
    {
        if (gold is null)
        {
            return true;
        }

        if (system is null)
        {
            return false;
        }

        return Agree(gold, system, length) || alternatives.Any(a => Agree(a, system, length));
    }

    private static bool Agree(string gold, string system, int length)
    {
        if (IsOrganisation(gold) || IsOrganisation(system))
        {
            return string.Equals(gold, system, StringComparison.Ordinal);
        }

        string g = gold.Length > length ? gold[..length] : gold;
        string s = system.Length > length ? system[..length] : system;
        return string.Equals(g, s, StringComparison.Ordinal);
    }

    private static bool IsOrganisation(string code) =>
        code.StartsWith("IGO", StringComparison.Ordinal) || code.StartsWith("NGO", StringComparison.Ordinal) || code.StartsWith("IMG", StringComparison.Ordinal);

    private static SliceScore Slice(SortedDictionary<string, SliceScore> slices, string key)
    {
        if (!slices.TryGetValue(key, out var slice))
        {
            slice = new SliceScore();
            slices[key] = slice;
        }

        return slice;
    }
}
