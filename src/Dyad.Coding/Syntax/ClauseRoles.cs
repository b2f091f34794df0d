using System.Collections.Frozen;
using Dyad.Text;

namespace Dyad.Coding.Syntax;

/// <summary>
/// Who does what to whom according to the dependency tree, for one trigger: the word that acts (subject, or the
/// agent of a passive or of a nominal event) and the words acted on (object, passive subject, obliques with
/// target prepositions), each with the path that found it so that an event can explain its actors.
/// </summary>
/// <param name="Anchor">The trigger word that heads the pattern in the tree.</param>
/// <param name="Clause">The verb whose arguments were read (the anchor, or the light verb governing a nominal trigger).</param>
/// <param name="Source">Token heading the acting party, or -1 when the tree names none.</param>
/// <param name="Targets">Tokens heading candidate targets, best first.</param>
/// <param name="Passive">True when the clause is passive (the subject is acted on).</param>
/// <param name="Nominal">True when the trigger is a noun not governed by a light verb ("the shelling of X by Y").</param>
/// <param name="Paths">How each role was found ("source: nsubj of 'attacked'").</param>
public sealed record SyntacticRoles(int Anchor, int Clause, int Source, IReadOnlyList<int> Targets, bool Passive, bool Nominal, IReadOnlyList<string> Paths)
{
    /// <summary>
    /// True when the tree names the acting party outright: the clause's own subject (not the noun a relative or
    /// participle clause modifies), the "by" agent of a passive, or the possessor or "by" phrase of an event noun.
    /// Such a party that is no actor ("gunmen", "the international community's calls") leaves the act without a source.
    /// </summary>
    public bool SourceIsExplicit { get; init; }

    /// <summary>
    /// The subject of the verb that reports this clause ("Trump said he wants..." -> "Trump"), or -1: the
    /// antecedent a pronoun subject most likely has.
    /// </summary>
    public int ReporterSubject { get; init; } = -1;
}

/// <summary>Reads <see cref="SyntacticRoles"/> off a <see cref="DependencyTree"/>.</summary>
public static class ClauseRoles
{
    private static readonly FrozenSet<string> TargetPrepositions = new[]
    {
        "with", "against", "on", "to", "at", "toward", "towards", "into", "upon", "onto", "between", "among", "targeting",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> LightVerbs = new[]
    {
        "hold", "have", "conduct", "launch", "stage", "make", "sign", "carry", "begin", "resume", "mount", "start", "give", "hold", "take",
        "reach", "conclude", "issue", "lodge", "file", "deliver", "provide", "offer", "extend", "express", "open", "impose", "announce", "continue",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> RelativePronouns = new[] { "who", "which", "that", "whom" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The roles around the trigger spanning tokens <paramref name="first"/>..<paramref name="last"/>, or null when the
    /// trigger has no head inside the sentence's tree.
    /// </summary>
    public static SyntacticRoles? Find(Document document, DependencyTree tree, int first, int last)
    {
        int anchor = AnchorOf(tree, first, last);
        if (anchor < 0)
        {
            return null;
        }

        var paths = new List<string>();
        var targets = new List<int>();
        string upos = tree.Upos(anchor);
        if (!Plausible(tree, anchor))
        {
            return null; // a verb parsed as a modifier ("Armenia attacked Azerbaijan" with 'attacked' as amod): trust word order instead
        }

        bool verbal = upos is "VERB" or "AUX" || (upos == "ADJ" && tree.HasChild(anchor, "cop"));
        int clause = anchor;
        bool nominal = false;
        if (!verbal && upos is "NOUN" or "PROPN" or "NUM" or "ADJ" or "X")
        {
            int head = tree.Head(anchor);
            string rel = tree.Relation(anchor);
            if (head >= 0 && tree.Upos(head) is "VERB" && rel is "obj" or "nsubj:pass" or "obl" && IsLightVerb(document, head))
            {
                clause = head; // "held talks with X", "talks were held", "launched an attack on Y"
                paths.Add($"'{Text(document, anchor)}' is the {rel} of the light verb '{Text(document, head)}'");
                AddNominalTargets(document, tree, anchor, targets, paths);
            }
            else
            {
                nominal = true;
            }
        }

        if (nominal)
        {
            int source = NominalAgent(document, tree, anchor, first, last, targets, paths, out bool explicitAgent);
            AddNominalTargets(document, tree, anchor, targets, paths);
            return new SyntacticRoles(anchor, anchor, source, targets, false, true, paths) { SourceIsExplicit = explicitAgent };
        }

        bool passive = IsPassive(tree, clause);
        bool viaModifiedNoun = false;
        int subject = SubjectOf(document, tree, clause, paths, depth: 0, ref viaModifiedNoun);
        int actor;
        if (passive)
        {
            if (subject < 0 && tree.Relation(clause) == "acl" && tree.Head(clause) >= 0)
            {
                subject = tree.Head(clause); // "33 citizens arrested near Minsk": the modified noun is acted on
            }

            if (subject >= 0)
            {
                targets.Add(subject);
                paths.Add($"target: passive subject '{Text(document, subject)}'");
            }

            actor = PassiveAgent(document, tree, clause, paths);
        }
        else
        {
            actor = subject;
        }

        AddVerbTargets(document, tree, clause, targets, paths);
        int reporter = -1;
        if (tree.Relation(clause) is "ccomp" && tree.Head(clause) >= 0 && tree.Child(tree.Head(clause), "nsubj") is int r && r >= 0)
        {
            reporter = r;
        }

        return new SyntacticRoles(anchor, clause, actor, targets, passive, false, paths)
        {
            ReporterSubject = reporter,
            SourceIsExplicit = actor >= 0 && (passive || !viaModifiedNoun),
        };
    }

    /// <summary>
    /// False when the tree's reading of the anchor is one the coder should not build on: a verb form tagged as an
    /// adjective or attached as a modifier, or an anchor hanging on a function word.
    /// </summary>
    private static bool Plausible(DependencyTree tree, int anchor)
    {
        string upos = tree.Upos(anchor);
        string rel = tree.Relation(anchor);
        if (upos is "VERB" or "AUX")
        {
            return rel is not ("amod" or "compound" or "nmod" or "case" or "det" or "flat" or "fixed" or "dep" or "goeswith" or "list" or "obj" or "nsubj");
        }

        if (upos is "NOUN" or "PROPN")
        {
            return rel is not ("compound" or "flat" or "fixed" or "dep" or "goeswith" or "case");
        }

        return upos == "ADJ" && rel is "root" or "ccomp" or "conj" && tree.HasChild(anchor, "cop");
    }

    /// <summary>
    /// For a meeting noun that hangs on a verb as an oblique ("visited Baku for talks with X", "met him during
    /// talks"), the subject of that verb: the party to the meeting. -1 when there is none.
    /// </summary>
    public static int GoverningSubject(Document document, DependencyTree tree, int noun, List<string> paths)
    {
        int head = tree.Head(noun);
        if (head < 0 || tree.Upos(head) != "VERB" || tree.Relation(noun) != "obl")
        {
            return -1;
        }

        paths.Add($"source: '{Text(document, noun)}' is an oblique of '{Text(document, head)}', whose subject takes part");
        bool modified = false;
        return IsPassive(tree, head) ? -1 : SubjectOf(document, tree, head, paths, depth: 1, ref modified);
    }

    /// <summary>
    /// True when the trigger is an event noun named as a goal ("steps towards the establishment of peace and
    /// normalization of relations"): an aim, not an act that took place.
    /// </summary>
    public static bool IsGoal(Document document, DependencyTree tree, int first, int last)
    {
        int t = AnchorOf(tree, first, last);
        if (t < 0 || tree.Upos(t) is not ("NOUN" or "PROPN"))
        {
            return false;
        }

        for (int step = 0; step < 4 && t >= 0; step++)
        {
            int marker = tree.CaseMarker(t);
            if (marker >= 0 && document.TokenText(marker) is "towards" or "toward" or "Towards" or "Toward")
            {
                return true;
            }

            if (tree.Relation(t) is not ("conj" or "nmod" or "compound"))
            {
                return false;
            }

            t = tree.Head(t);
        }

        return false;
    }

    /// <summary>The trigger word whose head lies outside the trigger (a verb preferred).</summary>
    private static int AnchorOf(DependencyTree tree, int first, int last)
    {
        int fallback = -1;
        for (int t = first; t <= last; t++)
        {
            int h = tree.Head(t);
            if (h >= first && h <= last)
            {
                continue;
            }

            if (tree.Upos(t) is "VERB")
            {
                return t;
            }

            if (fallback < 0 && tree.Upos(t) is not ("ADP" or "DET" or "PART" or "PUNCT" or "CCONJ"))
            {
                fallback = t;
            }
        }

        return fallback;
    }

    private static bool IsLightVerb(Document document, int verb) =>
        LightVerbs.Contains(document.Lemmas.Length > verb ? document.Lemmas[verb] : document.TokenText(verb).ToString());

    /// <summary>
    /// Passive voice: a passive subject or auxiliary, or a participle modifying a noun ("talks hosted by Germany")
    /// that has an agent, or is a past participle without object or complement.
    /// </summary>
    private static bool IsPassive(DependencyTree tree, int verb)
    {
        if (tree.HasChild(verb, "nsubj:pass") || tree.HasChild(verb, "aux:pass"))
        {
            return true;
        }

        // A past participle right after its subject, with no auxiliary, in an embedded clause is no active verb: a
        // reduced relative misread as a clause ("free 33 citizens arrested near Minsk").
        if (verb > 0 && tree.Xpos(verb) == "VBN" && tree.Relation(verb) != "root" && tree.Child(verb, "nsubj") == verb - 1 && tree.Upos(verb - 1) == "NOUN" &&
            !tree.HasChild(verb, "aux") && !tree.HasChild(verb, "obj") &&
            !tree.HasChild(verb, "cop") && !tree.HasChild(verb, "xcomp") && !tree.HasChild(verb, "ccomp"))
        {
            return true;
        }

        if (tree.Relation(verb) != "acl" || tree.Upos(verb) != "VERB")
        {
            return false;
        }

        return tree.HasChild(verb, "obl:agent") ||
               (tree.Xpos(verb) == "VBN" && !tree.HasChild(verb, "obj") && !tree.HasChild(verb, "xcomp") && !tree.HasChild(verb, "ccomp") && !tree.HasChild(verb, "nsubj"));
    }

    /// <summary>
    /// The subject of <paramref name="verb"/>: its own nsubj, else the controller of an xcomp, the shared subject of
    /// a coordinated verb, the noun a relative or participle clause modifies, or the subject of the clause an
    /// adverbial participle hangs on.
    /// </summary>
    private static int SubjectOf(Document document, DependencyTree tree, int verb, List<string> paths, int depth, ref bool viaModifiedNoun)
    {
        if (depth > 4)
        {
            return -1;
        }

        foreach (int c in tree.Children(verb))
        {
            string rel = tree.Relation(c);
            if (rel is "nsubj" or "nsubj:pass" or "csubj")
            {
                if (RelativePronouns.Contains(document.TokenText(c).ToString()) && tree.Relation(verb) is "acl:relcl" && tree.Head(verb) >= 0)
                {
                    int noun = tree.Head(verb);
                    paths.Add($"subject: relative pronoun '{Text(document, c)}' stands for '{Text(document, noun)}'");
                    return noun;
                }

                paths.Add($"subject: {rel} '{Text(document, c)}' of '{Text(document, verb)}'");
                return c;
            }
        }

        int head = tree.Head(verb);
        if (head < 0)
        {
            return -1;
        }

        switch (tree.Relation(verb))
        {
            case "xcomp" when tree.Upos(head) is "VERB" or "AUX" or "ADJ":
            {
                // Object control ("urged Armenia to withdraw") or subject control ("agreed to restore ties").
                int obj = tree.Child(head, "obj");
                if (obj >= 0 && obj < verb)
                {
                    paths.Add($"subject: object '{Text(document, obj)}' of '{Text(document, head)}' controls '{Text(document, verb)}'");
                    return obj;
                }

                paths.Add($"subject: '{Text(document, verb)}' is controlled by the subject of '{Text(document, head)}'");
                return SubjectOf(document, tree, head, paths, depth + 1, ref viaModifiedNoun);
            }

            case "conj" when tree.Upos(head) is "VERB" or "AUX":
                paths.Add($"subject: '{Text(document, verb)}' shares the subject of '{Text(document, head)}'");
                return SubjectOf(document, tree, head, paths, depth + 1, ref viaModifiedNoun);
            case "acl:relcl":
                paths.Add($"subject (modified noun): relative clause '{Text(document, verb)}' modifies '{Text(document, head)}'");
                viaModifiedNoun = true;
                return head;
            case "acl" when tree.Xpos(verb) == "VB" && tree.Child(verb, "mark") is int mark && mark >= 0 && document.TokenText(mark).Equals("to", StringComparison.OrdinalIgnoreCase):
                // "urged the rebels to withdraw" parsed as an infinitival modifier of "rebels": they are to withdraw.
                paths.Add($"subject (controller): '{Text(document, head)}' is to '{Text(document, verb)}'");
                viaModifiedNoun = true;
                return head;
            case "acl" when tree.Xpos(verb) == "VBG":
                paths.Add($"subject (modified noun): participle '{Text(document, verb)}' modifies '{Text(document, head)}'");
                viaModifiedNoun = true;
                return head;
            default:
                // Adverbial participles and other attachments are where the parser errs most on long wire sentences:
                // word order decides there.
                return -1;
        }
    }

    private static int PassiveAgent(Document document, DependencyTree tree, int verb, List<string> paths)
    {
        foreach (int c in tree.Children(verb))
        {
            string rel = tree.Relation(c);
            if (rel == "obl:agent" || (rel is "obl" or "nmod" && HasCase(document, tree, c, "by")))
            {
                paths.Add($"source: agent '{Text(document, c)}' of passive '{Text(document, verb)}'");
                return c;
            }
        }

        return -1;
    }

    private static void AddVerbTargets(Document document, DependencyTree tree, int verb, List<int> targets, List<string> paths)
    {
        foreach (int c in tree.Children(verb))
        {
            if (tree.Relation(c) is "obj" or "iobj")
            {
                Add(targets, paths, c, $"target: {tree.Relation(c)} '{Text(document, c)}' of '{Text(document, verb)}'");
                foreach (int n in tree.Children(c))
                {
                    // "held talks with X", "launched an attack on Y": the counterpart hangs on the object noun.
                    if (tree.Relation(n) == "nmod" && TargetCase(document, tree, n) is string prep)
                    {
                        Add(targets, paths, n, $"target: '{prep} {Text(document, n)}' of the object '{Text(document, c)}'");
                    }
                }
            }
        }

        foreach (int c in tree.Children(verb))
        {
            if (tree.Relation(c) is "obl" or "obl:tmod" or "nmod" && TargetCase(document, tree, c) is string prep)
            {
                Add(targets, paths, c, $"target: '{prep} {Text(document, c)}' of '{Text(document, verb)}'");
            }
        }
    }

    private static void AddNominalTargets(Document document, DependencyTree tree, int noun, List<int> targets, List<string> paths)
    {
        foreach (int c in tree.Children(noun))
        {
            if (tree.Relation(c) is "nmod" or "obl" && TargetCase(document, tree, c) is string prep)
            {
                Add(targets, paths, c, $"target: '{prep} {Text(document, c)}' of '{Text(document, noun)}'");
            }
        }

        int head = tree.Head(noun);
        if (head >= 0 && tree.Relation(noun) is "obj" or "nsubj:pass")
        {
            foreach (int c in tree.Children(head))
            {
                if (c != noun && tree.Relation(c) is "obl" or "iobj" && (tree.Relation(c) == "iobj" || TargetCase(document, tree, c) is not null))
                {
                    Add(targets, paths, c, $"target: '{Text(document, c)}' of the light verb '{Text(document, head)}'");
                }
            }
        }
    }

    /// <summary>The agent of a nominal event: possessor, "by" phrase, an actor adjective, or "of" when no "by" is given.</summary>
    private static int NominalAgent(Document document, DependencyTree tree, int noun, int first, int last, List<int> targets, List<string> paths, out bool explicitAgent)
    {
        explicitAgent = false;
        int of = -1;
        foreach (int c in tree.Children(noun))
        {
            string rel = tree.Relation(c);
            if (rel == "nmod:poss")
            {
                paths.Add($"source: possessor '{Text(document, c)}' of '{Text(document, noun)}'");
                explicitAgent = true;
                return c;
            }

            if (rel is "nmod" or "obl" && HasCase(document, tree, c, "by"))
            {
                paths.Add($"source: 'by {Text(document, c)}' of '{Text(document, noun)}'");
                if (of >= 0)
                {
                    Add(targets, paths, of, $"target: 'of {Text(document, of)}' when a 'by' agent is given");
                }

                explicitAgent = true;
                return c;
            }

            if (rel is "nmod" && of < 0 && HasCase(document, tree, c, "of"))
            {
                of = c;
            }
        }

        foreach (int c in tree.Children(noun))
        {
            // "Armenian shelling", "Russian strikes": a capitalised modifier outside the trigger words.
            if (tree.Relation(c) is "amod" or "compound" && c < noun && (c < first || c > last) && char.IsUpper(document.TokenText(c)[0]))
            {
                paths.Add($"source: modifier '{Text(document, c)}' of '{Text(document, noun)}'");
                return c;
            }
        }

        // "of" alone is left to word order: it marks the agent of some nouns ("the aggression of X") and the
        // patient of others ("the downing of a Russian warplane").
        return -1;
    }

    private static string? TargetCase(Document document, DependencyTree tree, int nominal)
    {
        int marker = tree.CaseMarker(nominal);
        if (marker < 0)
        {
            return null;
        }

        string prep = document.TokenText(marker).ToString();
        return TargetPrepositions.Contains(prep) ? prep : null;
    }

    private static bool HasCase(Document document, DependencyTree tree, int nominal, string preposition)
    {
        foreach (int c in tree.Children(nominal))
        {
            if (tree.Relation(c) == "case" && document.TokenText(c).Equals(preposition, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static void Add(List<int> targets, List<string> paths, int token, string path)
    {
        if (!targets.Contains(token))
        {
            targets.Add(token);
            paths.Add(path);
        }
    }

    private static string Text(Document document, int token) => document.TokenText(token).ToString();
}
