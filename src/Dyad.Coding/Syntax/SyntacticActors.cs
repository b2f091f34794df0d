using System.Collections.Frozen;
using Dyad.Text;

namespace Dyad.Coding.Syntax;

/// <summary>
/// The actor mentions that fill the roles the tree gives a trigger: the mention covering the role's head word,
/// or one reached through its appositions, compounds, modifiers and "of" phrases ("Khalafov, Deputy Minister
/// of Foreign Affairs of Azerbaijan" -> the minister's mention). Pronoun subjects are reported as such so that
/// the coder can resolve them to the last speaker.
/// </summary>
/// <param name="Roles">The roles read off the tree.</param>
/// <param name="Source">The mention for the acting party, or null.</param>
/// <param name="Target">The first target mention of another group than the source, or null.</param>
/// <param name="SourceIsPronoun">True when the subject is a personal pronoun.</param>
/// <param name="SourceIsNonActor">True when the tree names the acting party outright and it is no actor ("gunmen", "the company", "the international community's calls").</param>
public sealed record SyntacticActors(SyntacticRoles Roles, ActorMention? Source, ActorMention? Target, bool SourceIsPronoun, bool SourceIsNonActor)
{
    /// <summary>
    /// True when the first target the tree names is an object pronoun ("banned him", "met them") and no actor
    /// mention fills it: the coder resolves it to an earlier actor.
    /// </summary>
    public bool TargetIsPronoun { get; init; }

    private static readonly FrozenSet<string> ObjectPronouns = new[] { "him", "her", "them", "it" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> PersonalPronouns = new[] { "he", "she", "they", "we", "it", "i" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the roles of the trigger <paramref name="first"/>..<paramref name="last"/> and maps them to <paramref name="mentions"/> (non-locative, in text order).</summary>
    public static SyntacticActors? Read(Document document, DependencyTree tree, List<ActorMention> mentions, int first, int last, ActorMention? knownSource)
    {
        var roles = ClauseRoles.Find(document, tree, first, last);
        if (roles is null)
        {
            return null;
        }

        ActorMention? source = null;
        bool pronoun = false, nonActor = false;
        if (roles.Source >= 0)
        {
            source = MentionFor(tree, mentions, roles.Source, first, last);
            if (source is null)
            {
                pronoun = PersonalPronouns.Contains(document.TokenText(roles.Source).ToString());
                nonActor = !pronoun && roles.SourceIsExplicit && tree.Upos(roles.Source) is "NOUN" or "PROPN";
                // "Trump said he wants ...": he is the one who said it; "Islamabad says it is waiting ...": so is "it" for a
                // country, capital or body (never for a person).
                if (pronoun && roles.ReporterSubject >= 0 && MentionFor(tree, mentions, roles.ReporterSubject, first, last) is { } reporter &&
                    (document.TokenText(roles.Source) is not ("it" or "It" or "they" or "They") ||
                     reporter.Kind is ActorMentionKind.Country or ActorMentionKind.Metonym or ActorMentionKind.Organisation))
                {
                    source = reporter;
                    pronoun = false;
                }
            }
        }

        var acting = knownSource ?? source;
        ActorMention? target = null;
        if (roles.Targets.Count > 0 && tree.Relation(roles.Targets[0]) == "obj" && ObjectPronouns.Contains(document.TokenText(roles.Targets[0]).ToString()))
        {
            // "urged it to halt its military operations": the object is the pronoun, not a name further down.
            return new SyntacticActors(roles, source, null, pronoun, nonActor) { TargetIsPronoun = true };
        }

        foreach (int t in roles.Targets)
        {
            var m = MentionFor(tree, mentions, t, first, last);
            if (m is not null && (acting is null || m.Group != acting.Group))
            {
                target = m;
                break;
            }
        }

        bool targetPronoun = target is null && roles.Targets.Count > 0 && ObjectPronouns.Contains(document.TokenText(roles.Targets[0]).ToString());
        return new SyntacticActors(roles, source, target, pronoun, nonActor) { TargetIsPronoun = targetPronoun };
    }

    /// <summary>The mention for the phrase headed by <paramref name="head"/>, not overlapping the trigger.</summary>
    public static ActorMention? MentionFor(DependencyTree tree, List<ActorMention> mentions, int head, int triggerFirst, int triggerLast)
    {
        var covering = Covering(mentions, head);
        if (covering is not null)
        {
            return covering.Last >= triggerFirst && covering.First <= triggerLast ? null : covering;
        }

        // A coordinated phrase ("Britain, France, Germany and several other governments"): an actor among the conjuncts.
        int coordinationHead = tree.Relation(head) == "conj" && tree.Head(head) >= 0 ? tree.Head(head) : head;
        if (Covering(mentions, coordinationHead) is { } first && !(first.Last >= triggerFirst && first.First <= triggerLast))
        {
            return first;
        }

        foreach (int c in tree.Children(coordinationHead))
        {
            if (tree.Relation(c) == "conj" && c != head && Covering(mentions, c) is { } conjunct && !(conjunct.Last >= triggerFirst && conjunct.First <= triggerLast))
            {
                return conjunct;
            }
        }

        // Breadth-first through the phrase's nominal dependents, never into clauses.
        Span<int> queue = stackalloc int[32];
        Span<int> depth = stackalloc int[32];
        int read = 0, write = 0;
        queue[write] = head;
        depth[write++] = 0;
        while (read < write)
        {
            int t = queue[read];
            int d = depth[read++];
            foreach (int c in tree.Children(t))
            {
                string rel = tree.Relation(c);
                // A name right after a common noun it stands for, misread as its object ("neighbours Colombia and Chile").
                bool namedApposition = rel == "obj" && c == t + 1 && tree.Upos(t) == "NOUN" && tree.Upos(c) == "PROPN";
                if (!namedApposition && rel is not ("appos" or "compound" or "amod" or "nmod:poss" or "flat" or "nmod" or "nmod:npmod" or "det:poss"))
                {
                    continue;
                }

                if (c >= triggerFirst && c <= triggerLast)
                {
                    continue;
                }

                var m = Covering(mentions, c);
                if (m is not null && !(m.Last >= triggerFirst && m.First <= triggerLast))
                {
                    return m;
                }

                if (d < 3 && write < queue.Length)
                {
                    queue[write] = c;
                    depth[write++] = d + 1;
                }
            }
        }

        return null;
    }

    private static ActorMention? Covering(List<ActorMention> mentions, int token) => ActorLayer.Covering(mentions, token);
}
