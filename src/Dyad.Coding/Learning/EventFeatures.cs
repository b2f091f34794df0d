using Dyad.Text.Analysis;

namespace Dyad.Coding.Learning;

/// <summary>
/// The event model's features, as 64-bit hashes of a template number and its parts: what the trigger word is and
/// how it sits in the tree (trigger), what surrounds it (mode), and how an actor reaches it (role). Feature sets
/// are filled into a caller's list so decoding allocates little.
/// </summary>
internal static class EventFeatures
{
    private enum T
    {
        Bias = 1, Form, Lemma, Upos, Xpos, LemmaUpos, Suffix, Prev1, Next1, Prev2, Next2, PrevBigram, NextBigram,
        Rel, HeadLemma, RelHeadLemma, HeadUpos, ChildRelLemma, ChildRel, CaseLemma, GrandLemma, DictRoot, LemmaDictRoot,
        RuleCode, RuleRoot, LemmaRuleRoot, NoRule, SubjectKind, ObjectKind, OblCaseKind, ArgCount, IsRoot, InQuote,
        LemmaObj, LemmaCase, ModeAux, ModeNeg, ModeHeadRel, ModeAncestor, ModePrevWord, ModeMark, ModeXposRoot, ModeNextWord,
        ModeLemmaHead, RolePath, RolePathRoot, RolePathLemma, RoleSide, RoleDistance, RoleKind, RoleRoleCode, RoleCase,
        RoleCaseRoot, RoleCaseLemma, RoleRel, RoleRelRoot, RolePronoun, RoleBetween, RoleNearest, RolePassive, RolePassivePath,
        RoleRuleSource, RoleRuleTarget, RoleSameClause, RoleQuote, RoleKindRoot, RoleSideRoot, RoleFirst, RoleHeadLemma,
        ModeRoot, ModeQuote, RoleNoPath, ModeDictRoot, ModeRuleCode, RoleRuleNone,
        Class64, Class256, Class1024, HeadClass, ChildClass, PrevClass, NextClass, ModeAncestorClass, RolePathClass, ClassDictRoot, ClassRuleRoot,
    }

    private static ulong H(string s) => FeatureHash.OfLower(s);

    private static ulong F(T t, string a) => FeatureHash.F((int)t, H(a));

    private static ulong F(T t, string a, string b) => FeatureHash.F((int)t, H(a), H(b));

    private static ulong F(T t, string a, string b, string c) => FeatureHash.F((int)t, H(a), H(b), H(c));

    /// <summary>Features of token <paramref name="t"/> as a possible trigger.</summary>
    public static void Trigger(SentenceContext s, int t, bool useRules, List<ulong> f)
    {
        f.Clear();
        var doc = s.Document;
        string lemma = s.Lemma(t), upos = s.Upos(t);
        f.Add(F(T.Bias, "b"));
        f.Add(F(T.Form, doc.TokenText(t).ToString()));
        f.Add(F(T.Lemma, lemma));
        f.Add(F(T.Upos, upos));
        f.Add(F(T.Xpos, s.Xpos(t)));
        f.Add(F(T.LemmaUpos, lemma, upos));
        f.Add(F(T.Suffix, lemma.Length > 3 ? lemma[^3..] : lemma));
        string? myClass = null;
        if (s.ClassesOf(t) is { } wc)
        {
            myClass = wc.C256.ToString(System.Globalization.CultureInfo.InvariantCulture);
            f.Add(F(T.Class64, wc.C64.ToString(System.Globalization.CultureInfo.InvariantCulture), upos));
            f.Add(F(T.Class256, myClass));
            f.Add(F(T.Class1024, wc.C1024.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (t > s.Sentence.TokenStart && s.Class256(t - 1) is { } pc)
        {
            f.Add(F(T.PrevClass, pc));
        }

        if (t + 1 < s.Sentence.TokenEnd && s.Class256(t + 1) is { } nc)
        {
            f.Add(F(T.NextClass, nc));
        }
        string p1 = t - 1 >= s.Sentence.TokenStart ? s.Lemma(t - 1) : "<s>";
        string n1 = t + 1 < s.Sentence.TokenEnd ? s.Lemma(t + 1) : "</s>";
        string p2 = t - 2 >= s.Sentence.TokenStart ? s.Lemma(t - 2) : "<s>";
        string n2 = t + 2 < s.Sentence.TokenEnd ? s.Lemma(t + 2) : "</s>";
        f.Add(F(T.Prev1, p1));
        f.Add(F(T.Next1, n1));
        f.Add(F(T.Prev2, p2));
        f.Add(F(T.Next2, n2));
        f.Add(F(T.PrevBigram, p1, lemma));
        f.Add(F(T.NextBigram, lemma, n1));
        int head = s.Head(t);
        string rel = s.Relation(t);
        f.Add(F(T.Rel, rel));
        f.Add(F(T.IsRoot, head < 0 ? "root" : "dep"));
        if (head >= 0)
        {
            string hl = s.Lemma(head);
            f.Add(F(T.HeadLemma, hl));
            f.Add(F(T.RelHeadLemma, rel, hl));
            f.Add(F(T.HeadUpos, s.Upos(head), rel));
            if (s.Class256(head) is { } hc)
            {
                f.Add(F(T.HeadClass, hc, rel));
            }
            int grand = s.Head(head);
            if (grand >= 0)
            {
                f.Add(F(T.GrandLemma, s.Lemma(grand), s.Relation(head)));
            }
        }

        for (int c = s.Sentence.TokenStart; c < s.Sentence.TokenEnd; c++)
        {
            if (c == t || s.Head(c) != t)
            {
                continue;
            }

            string cr = s.Relation(c);
            var arg = s.ArgumentAt(c);
            string cl = arg is null ? s.Lemma(c) : "ACTOR";
            f.Add(F(T.ChildRel, cr));
            f.Add(F(T.ChildRelLemma, cr, cl));
            if (cr is "obj" or "nsubj:pass")
            {
                f.Add(F(T.LemmaObj, lemma, cl));
                if (arg is null && s.Class256(c) is { } oc)
                {
                    f.Add(F(T.ChildClass, myClass ?? lemma, oc));
                }
            }

            if (cr is "case")
            {
                f.Add(F(T.CaseLemma, cl));
            }

            if (cr.StartsWith("obl", StringComparison.Ordinal) || cr.StartsWith("nmod", StringComparison.Ordinal))
            {
                string? k = s.CaseOf(c);
                f.Add(F(T.LemmaCase, lemma, k ?? "-"));
                if (arg is not null)
                {
                    f.Add(F(T.OblCaseKind, k ?? "-", KindOf(arg)));
                }
            }

            if (arg is not null && cr.StartsWith("nsubj", StringComparison.Ordinal))
            {
                f.Add(F(T.SubjectKind, cr, KindOf(arg)));
            }
            else if (arg is not null && cr is "obj" or "iobj")
            {
                f.Add(F(T.ObjectKind, KindOf(arg)));
            }
        }

        if (s.DictionaryRoots[t - s.Sentence.TokenStart] is { } roots)
        {
            foreach (string r in roots)
            {
                f.Add(F(T.DictRoot, r));
                f.Add(F(T.LemmaDictRoot, lemma, r));
                if (myClass is not null)
                {
                    f.Add(F(T.ClassDictRoot, myClass, r));
                }
            }
        }

        if (useRules)
        {
            if (s.RuleEvents.TryGetValue(t, out var rules))
            {
                foreach (var e in rules)
                {
                    f.Add(F(T.RuleCode, e.Record.Code));
                    f.Add(F(T.RuleRoot, e.Record.Root));
                    f.Add(F(T.LemmaRuleRoot, lemma, e.Record.Root));
                    if (myClass is not null)
                    {
                        f.Add(F(T.ClassRuleRoot, myClass, e.Record.Root));
                    }
                }
            }
            else
            {
                f.Add(F(T.NoRule, upos));
            }
        }

        f.Add(F(T.ArgCount, Math.Min(s.Arguments.Count, 4).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        f.Add(F(T.InQuote, s.InQuote[t - s.Sentence.TokenStart] ? "q" : "-"));
    }

    /// <summary>Features of the mode of an act at token <paramref name="t"/> whose root is <paramref name="root"/>.</summary>
    public static void Mode(SentenceContext s, int t, string root, bool useRules, List<ulong> f)
    {
        f.Clear();
        string lemma = s.Lemma(t);
        f.Add(F(T.Bias, "m"));
        f.Add(F(T.ModeRoot, root));
        f.Add(F(T.ModeXposRoot, s.Xpos(t), root));
        f.Add(F(T.ModeQuote, s.InQuote[t - s.Sentence.TokenStart] ? "q" : "-", root));
        for (int c = s.Sentence.TokenStart; c < s.Sentence.TokenEnd; c++)
        {
            if (c == t || s.Head(c) != t)
            {
                continue;
            }

            string cr = s.Relation(c);
            if (cr is "aux" or "aux:pass" or "cop")
            {
                f.Add(F(T.ModeAux, s.Lemma(c), root));
            }
            else if (cr is "advmod" or "neg" or "det")
            {
                f.Add(F(T.ModeNeg, s.Lemma(c)));
            }
            else if (cr is "mark")
            {
                f.Add(F(T.ModeMark, s.Lemma(c), root));
            }
        }

        int h = s.Head(t);
        f.Add(F(T.ModeHeadRel, s.Relation(t), h >= 0 ? s.Upos(h) : "-"));
        for (int a = h, depth = 0, below = t; a >= 0 && depth < 3; below = a, a = s.Head(a), depth++)
        {
            f.Add(F(T.ModeAncestor, s.Lemma(a), s.Relation(below)));
            f.Add(F(T.ModeLemmaHead, s.Lemma(a), root));
            if (s.Class256(a) is { } ac)
            {
                f.Add(F(T.ModeAncestorClass, ac, s.Relation(below)));
            }
            for (int c = s.Sentence.TokenStart; c < s.Sentence.TokenEnd; c++)
            {
                if (s.Head(c) == a && s.Relation(c) is "aux" or "advmod" or "mark")
                {
                    f.Add(F(T.ModeAux, "^" + s.Lemma(c), root));
                }
            }
        }

        for (int k = Math.Max(s.Sentence.TokenStart, t - 6); k < t; k++)
        {
            f.Add(F(T.ModePrevWord, s.Lemma(k)));
        }

        for (int k = t + 1; k < Math.Min(s.Sentence.TokenEnd, t + 3); k++)
        {
            f.Add(F(T.ModeNextWord, s.Lemma(k)));
        }

        f.Add(F(T.ModePrevWord, lemma, root));
        if (s.DictionaryRoots[t - s.Sentence.TokenStart] is { } roots)
        {
            foreach (string r in roots)
            {
                f.Add(F(T.ModeDictRoot, r, root));
            }
        }

        if (useRules && s.RuleEvents.TryGetValue(t, out var rules))
        {
            foreach (var e in rules)
            {
                f.Add(F(T.ModeRuleCode, e.Record.Negated ? "neg" : "pos", e.Record.Root));
            }
        }
    }

    /// <summary>Features of argument <paramref name="a"/> in a role of the act at token <paramref name="t"/> of root <paramref name="root"/>.</summary>
    public static void Role(SentenceContext s, int t, string root, ArgumentCandidate a, bool useRules, List<ulong> f)
    {
        f.Clear();
        string lemma = s.Lemma(t);
        f.Add(F(T.Bias, "r"));
        string? path = s.Path(t, a.Head);
        if (path is null)
        {
            f.Add(F(T.RoleNoPath, root));
        }
        else
        {
            f.Add(F(T.RolePath, path));
            f.Add(F(T.RolePathRoot, path, root));
            f.Add(F(T.RolePathLemma, path, lemma));
            if (s.Class256(t) is { } tc)
            {
                f.Add(F(T.RolePathClass, path, tc));
            }
        }

        string side = a.Head < t ? "before" : "after";
        f.Add(F(T.RoleSide, side));
        f.Add(F(T.RoleSideRoot, side, root));
        int distance = Math.Abs(a.Head - t);
        f.Add(F(T.RoleDistance, side, distance switch { <= 1 => "1", <= 3 => "3", <= 6 => "6", <= 12 => "12", _ => "far" }));
        string kind = KindOf(a);
        f.Add(F(T.RoleKind, kind));
        f.Add(F(T.RoleKindRoot, kind, root));
        string roleCode = a.Mention.Code.Length > 3 && a.Mention.Kind != ActorMentionKind.Organisation ? a.Mention.Code[3..] : a.Mention.Kind == ActorMentionKind.Organisation ? "IGO" : "-";
        f.Add(F(T.RoleRoleCode, roleCode, root));
        string caseWord = s.CaseOf(a.Head) ?? "-";
        f.Add(F(T.RoleCase, caseWord));
        f.Add(F(T.RoleCaseRoot, caseWord, root));
        f.Add(F(T.RoleCaseLemma, caseWord, lemma));
        string rel = s.Relation(a.Head);
        f.Add(F(T.RoleRel, rel));
        f.Add(F(T.RoleRelRoot, rel, root));
        int ah = s.Head(a.Head);
        if (ah >= 0)
        {
            f.Add(F(T.RoleHeadLemma, s.Lemma(ah), rel));
        }

        f.Add(F(T.RolePronoun, a.IsPronoun ? "pron" : "name"));
        int between = 0;
        bool nearest = true;
        foreach (var other in s.Arguments)
        {
            if (other == a)
            {
                continue;
            }

            if ((other.Head > Math.Min(t, a.Head) && other.Head < Math.Max(t, a.Head)))
            {
                between++;
                nearest = false;
            }
        }

        f.Add(F(T.RoleBetween, side, Math.Min(between, 3).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        f.Add(F(T.RoleNearest, side, nearest ? "nearest" : "-"));
        f.Add(F(T.RoleFirst, s.Arguments.Count > 0 && s.Arguments[0] == a ? "first" : "-", root));
        bool passive = false;
        for (int c = s.Sentence.TokenStart; c < s.Sentence.TokenEnd; c++)
        {
            if (s.Head(c) == t && s.Relation(c) is "aux:pass" or "nsubj:pass")
            {
                passive = true;
            }
        }

        f.Add(F(T.RolePassive, passive ? "pass" : "act", side));
        if (path is not null)
        {
            f.Add(F(T.RolePassivePath, passive ? "pass" : "act", path));
        }

        bool sameClause = s.HasTree && IsDominatedWithinClause(s, t, a.Head);
        f.Add(F(T.RoleSameClause, sameClause ? "same" : "other", side));
        f.Add(F(T.RoleQuote, s.InQuote[a.Head - s.Sentence.TokenStart] == s.InQuote[t - s.Sentence.TokenStart] ? "=" : "!"));
        if (useRules && s.RuleEvents.TryGetValue(t, out var rules))
        {
            bool any = false;
            foreach (var e in rules)
            {
                if (e.SourceTokens is { } st && Overlaps(st, a))
                {
                    f.Add(F(T.RoleRuleSource, e.Record.Root == root ? "same" : "other"));
                    any = true;
                }

                if (e.TargetTokens is { } tt && Overlaps(tt, a))
                {
                    f.Add(F(T.RoleRuleTarget, e.Record.Root == root ? "same" : "other"));
                    any = true;
                }
            }

            if (!any)
            {
                f.Add(F(T.RoleRuleNone, root));
            }
        }
    }

    private static bool Overlaps((int First, int Last) span, ArgumentCandidate a) => span.First <= a.Last && a.First <= span.Last;

    private static bool IsDominatedWithinClause(SentenceContext s, int trigger, int token)
    {
        for (int x = token, steps = 0; x >= 0 && steps < 8; x = s.Head(x), steps++)
        {
            if (x == trigger)
            {
                return true;
            }

            if (s.Relation(x) is "ccomp" or "advcl" or "acl:relcl" or "parataxis" && x != token)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The kind of actor a candidate names, for features: its mention kind and role segment.</summary>
    internal static string KindOf(ArgumentCandidate a)
    {
        var m = a.Mention;
        string role = m.Kind == ActorMentionKind.Organisation ? "IGO" : m.Code.Length >= 6 ? m.Code.Substring(3, 3) : "CTRY";
        return m.Kind + ":" + role;
    }
}
