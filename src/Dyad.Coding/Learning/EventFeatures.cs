using Dyad.Text.Analysis;

namespace Dyad.Coding.Learning;

/// <summary>
/// The event model's features, as 64-bit hashes of a template number and its parts: what the trigger word is and
/// how it sits in the tree (trigger), what surrounds it (mode), and how an actor reaches it (role). Word parts
/// are the hashes <see cref="SentenceContext"/> computed once per sentence; feature sets are filled into the
/// caller's list, so decoding allocates little.
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

    private static readonly ulong[] RootHashes = Enumerable.Range(0, 21).Select(r => FeatureHash.Of(r.ToString("00", System.Globalization.CultureInfo.InvariantCulture))).ToArray();
    private static readonly ulong None = FeatureHash.Of("-");
    private static readonly ulong SentenceStart = FeatureHash.Of("<s>");
    private static readonly ulong SentenceEnd = FeatureHash.Of("</s>");
    private static readonly ulong Yes = FeatureHash.Of("yes");
    private static readonly ulong No = FeatureHash.Of("no");

    private static ulong H(string s) => FeatureHash.OfLower(s);

    private static ulong F(T t, ulong a) => FeatureHash.F((int)t, a);

    private static ulong F(T t, ulong a, ulong b) => FeatureHash.F((int)t, a, b);

    private static ulong Root(string root) => int.TryParse(root, out int r) && r is >= 0 and <= 20 ? RootHashes[r] : H(root);

    private static ulong Class(short c) => (ulong)(uint)c + 0x9000;

    /// <summary>Features of token <paramref name="t"/> as a possible trigger.</summary>
    public static void Trigger(SentenceContext s, int t, bool useRules, List<ulong> f)
    {
        f.Clear();
        int s0 = s.Sentence.TokenStart, i = t - s0;
        ulong lemma = s.LemmaHash[i], upos = s.UposHash[i];
        f.Add(F(T.Bias, 1));
        f.Add(F(T.Form, s.FormHash[i]));
        f.Add(F(T.Lemma, lemma));
        f.Add(F(T.Upos, upos));
        f.Add(F(T.Xpos, s.XposHash[i]));
        f.Add(F(T.LemmaUpos, lemma, upos));
        string lemmaText = s.Lemma(t);
        f.Add(F(T.Suffix, H(lemmaText.Length > 3 ? lemmaText[^3..] : lemmaText)));
        ulong myClass = 0;
        if (s.ClassesOf(t) is { } wc)
        {
            myClass = Class(wc.C256);
            f.Add(F(T.Class64, Class(wc.C64), upos));
            f.Add(F(T.Class256, myClass));
            f.Add(F(T.Class1024, Class(wc.C1024)));
        }

        int n = s.Sentence.TokenCount;
        ulong p1 = i >= 1 ? s.LemmaHash[i - 1] : SentenceStart, n1 = i + 1 < n ? s.LemmaHash[i + 1] : SentenceEnd;
        ulong p2 = i >= 2 ? s.LemmaHash[i - 2] : SentenceStart, n2 = i + 2 < n ? s.LemmaHash[i + 2] : SentenceEnd;
        f.Add(F(T.Prev1, p1));
        f.Add(F(T.Next1, n1));
        f.Add(F(T.Prev2, p2));
        f.Add(F(T.Next2, n2));
        f.Add(F(T.PrevBigram, p1, lemma));
        f.Add(F(T.NextBigram, lemma, n1));
        if (i >= 1 && s.ClassesOf(t - 1) is { } pc)
        {
            f.Add(F(T.PrevClass, Class(pc.C256)));
        }

        if (i + 1 < n && s.ClassesOf(t + 1) is { } nc)
        {
            f.Add(F(T.NextClass, Class(nc.C256)));
        }

        int head = s.Head(t);
        ulong rel = s.RelationHash[i];
        f.Add(F(T.Rel, rel));
        f.Add(F(T.IsRoot, head < 0 ? Yes : No));
        if (head >= 0)
        {
            ulong hl = s.LemmaHash[head - s0];
            f.Add(F(T.HeadLemma, hl));
            f.Add(F(T.RelHeadLemma, rel, hl));
            f.Add(F(T.HeadUpos, s.UposHash[head - s0], rel));
            if (s.ClassesOf(head) is { } hc)
            {
                f.Add(F(T.HeadClass, Class(hc.C256), rel));
            }

            int grand = s.Head(head);
            if (grand >= 0)
            {
                f.Add(F(T.GrandLemma, s.LemmaHash[grand - s0], s.RelationHash[head - s0]));
            }
        }

        ulong actor = H("ACTOR");
        foreach (int c in s.Children(t))
        {
            string cr = s.Relation(c);
            ulong crh = s.RelationHash[c - s0];
            var arg = s.ArgumentAt(c);
            ulong cl = arg is null ? s.LemmaHash[c - s0] : actor;
            f.Add(F(T.ChildRel, crh));
            f.Add(F(T.ChildRelLemma, crh, cl));
            if (cr is "obj" or "nsubj:pass")
            {
                f.Add(F(T.LemmaObj, lemma, cl));
                if (arg is null && s.ClassesOf(c) is { } oc)
                {
                    f.Add(F(T.ChildClass, myClass != 0 ? myClass : lemma, Class(oc.C256)));
                }
            }

            if (cr is "case")
            {
                f.Add(F(T.CaseLemma, cl));
            }

            if (cr.StartsWith("obl", StringComparison.Ordinal) || cr.StartsWith("nmod", StringComparison.Ordinal))
            {
                int k = s.CaseTokenOf(c);
                ulong kh = k < 0 ? None : s.LemmaHash[k - s0];
                f.Add(F(T.LemmaCase, lemma, kh));
                if (arg is not null)
                {
                    f.Add(F(T.OblCaseKind, kh, arg.KindHash));
                }
            }

            if (arg is not null && cr.StartsWith("nsubj", StringComparison.Ordinal))
            {
                f.Add(F(T.SubjectKind, crh, arg.KindHash));
            }
            else if (arg is not null && cr is "obj" or "iobj")
            {
                f.Add(F(T.ObjectKind, arg.KindHash));
            }
        }

        if (s.DictionaryRoots[i] is { } roots)
        {
            foreach (string r in roots)
            {
                ulong rh = Root(r);
                f.Add(F(T.DictRoot, rh));
                f.Add(F(T.LemmaDictRoot, lemma, rh));
                if (myClass != 0)
                {
                    f.Add(F(T.ClassDictRoot, myClass, rh));
                }
            }
        }

        if (useRules)
        {
            if (s.RuleEvents.TryGetValue(t, out var rules))
            {
                foreach (var e in rules)
                {
                    ulong rh = Root(e.Record.Root);
                    f.Add(F(T.RuleCode, H(e.Record.Code)));
                    f.Add(F(T.RuleRoot, rh));
                    f.Add(F(T.LemmaRuleRoot, lemma, rh));
                    if (myClass != 0)
                    {
                        f.Add(F(T.ClassRuleRoot, myClass, rh));
                    }
                }
            }
            else
            {
                f.Add(F(T.NoRule, upos));
            }
        }

        f.Add(F(T.ArgCount, (ulong)Math.Min(s.Arguments.Count, 4)));
        f.Add(F(T.InQuote, s.InQuote[i] ? Yes : No));
    }

    /// <summary>Features of the mode of an act at token <paramref name="t"/> whose root is <paramref name="root"/>.</summary>
    public static void Mode(SentenceContext s, int t, string root, bool useRules, List<ulong> f)
    {
        f.Clear();
        int s0 = s.Sentence.TokenStart, i = t - s0;
        ulong rh = Root(root);
        f.Add(F(T.Bias, 2));
        f.Add(F(T.ModeRoot, rh));
        f.Add(F(T.ModeXposRoot, s.XposHash[i], rh));
        f.Add(F(T.ModeQuote, s.InQuote[i] ? Yes : No, rh));
        foreach (int c in s.Children(t))
        {
            string cr = s.Relation(c);
            if (cr is "aux" or "aux:pass" or "cop")
            {
                f.Add(F(T.ModeAux, s.LemmaHash[c - s0], rh));
            }
            else if (cr is "advmod" or "neg" or "det")
            {
                f.Add(F(T.ModeNeg, s.LemmaHash[c - s0]));
            }
            else if (cr is "mark")
            {
                f.Add(F(T.ModeMark, s.LemmaHash[c - s0], rh));
            }
        }

        int h = s.Head(t);
        f.Add(F(T.ModeHeadRel, s.RelationHash[i], h >= 0 ? s.UposHash[h - s0] : None));
        for (int a = h, depth = 0, below = t; a >= 0 && depth < 3; below = a, a = s.Head(a), depth++)
        {
            ulong al = s.LemmaHash[a - s0];
            ulong br = s.RelationHash[below - s0];
            f.Add(F(T.ModeAncestor, al, br));
            f.Add(F(T.ModeLemmaHead, al, rh));
            if (s.ClassesOf(a) is { } ac)
            {
                f.Add(F(T.ModeAncestorClass, Class(ac.C256), br));
            }

            foreach (int c in s.Children(a))
            {
                if (s.Relation(c) is "aux" or "advmod" or "mark")
                {
                    f.Add(F(T.ModeAux, FeatureHash.Mix(s.LemmaHash[c - s0], 0x5E), rh));
                }
            }
        }

        for (int k = Math.Max(s0, t - 6); k < t; k++)
        {
            f.Add(F(T.ModePrevWord, s.LemmaHash[k - s0]));
        }

        for (int k = t + 1; k < Math.Min(s.Sentence.TokenEnd, t + 3); k++)
        {
            f.Add(F(T.ModeNextWord, s.LemmaHash[k - s0]));
        }

        f.Add(F(T.ModePrevWord, s.LemmaHash[i], rh));
        if (s.DictionaryRoots[i] is { } roots)
        {
            foreach (string r in roots)
            {
                f.Add(F(T.ModeDictRoot, Root(r), rh));
            }
        }

        if (useRules && s.RuleEvents.TryGetValue(t, out var rules))
        {
            foreach (var e in rules)
            {
                f.Add(F(T.ModeRuleCode, e.Record.Negated ? Yes : No, Root(e.Record.Root)));
            }
        }
    }

    /// <summary>Features of argument <paramref name="a"/> in a role of the act at token <paramref name="t"/> of root <paramref name="root"/>.</summary>
    public static void Role(SentenceContext s, int t, string root, ArgumentCandidate a, bool useRules, List<ulong> f)
    {
        f.Clear();
        int s0 = s.Sentence.TokenStart;
        ulong lemma = s.LemmaHash[t - s0];
        ulong rh = Root(root);
        f.Add(F(T.Bias, 3));
        ulong path = s.PathHash(t, a.Head);
        if (path == 0)
        {
            f.Add(F(T.RoleNoPath, rh));
        }
        else
        {
            f.Add(F(T.RolePath, path));
            f.Add(F(T.RolePathRoot, path, rh));
            f.Add(F(T.RolePathLemma, path, lemma));
            if (s.ClassesOf(t) is { } tc)
            {
                f.Add(F(T.RolePathClass, path, Class(tc.C256)));
            }
        }

        ulong side = a.Head < t ? Yes : No;
        f.Add(F(T.RoleSide, side));
        f.Add(F(T.RoleSideRoot, side, rh));
        int distance = Math.Abs(a.Head - t);
        f.Add(F(T.RoleDistance, side, distance switch { <= 1 => 1UL, <= 3 => 3UL, <= 6 => 6UL, <= 12 => 12UL, _ => 99UL }));
        ulong kind = a.KindHash;
        f.Add(F(T.RoleKind, kind));
        f.Add(F(T.RoleKindRoot, kind, rh));
        string roleCode = a.Mention.Kind == ActorMentionKind.Organisation ? "IGO" : a.Mention.Code.Length > 3 ? a.Mention.Code[3..] : "-";
        f.Add(F(T.RoleRoleCode, H(roleCode), rh));
        int caseToken = s.CaseTokenOf(a.Head);
        ulong caseWord = caseToken < 0 ? None : s.LemmaHash[caseToken - s0];
        f.Add(F(T.RoleCase, caseWord));
        f.Add(F(T.RoleCaseRoot, caseWord, rh));
        f.Add(F(T.RoleCaseLemma, caseWord, lemma));
        ulong rel = s.RelationHash[a.Head - s0];
        f.Add(F(T.RoleRel, rel));
        f.Add(F(T.RoleRelRoot, rel, rh));
        int ah = s.Head(a.Head);
        if (ah >= 0)
        {
            f.Add(F(T.RoleHeadLemma, s.LemmaHash[ah - s0], rel));
        }

        f.Add(F(T.RolePronoun, a.IsPronoun ? 1UL : a.IsNoun ? 2UL : 3UL, rh));
        int between = 0;
        foreach (var other in s.Arguments)
        {
            if (other != a && other.Head > Math.Min(t, a.Head) && other.Head < Math.Max(t, a.Head))
            {
                between++;
            }
        }

        f.Add(F(T.RoleBetween, side, (ulong)Math.Min(between, 3)));
        f.Add(F(T.RoleNearest, side, between == 0 ? Yes : No));
        f.Add(F(T.RoleFirst, s.Arguments.Count > 0 && s.Arguments[0] == a ? Yes : No, rh));
        bool passive = false;
        foreach (int c in s.Children(t))
        {
            if (s.Relation(c) is "aux:pass" or "nsubj:pass")
            {
                passive = true;
            }
        }

        ulong voice = passive ? Yes : No;
        f.Add(F(T.RolePassive, voice, side));
        if (path != 0)
        {
            f.Add(F(T.RolePassivePath, voice, path));
        }

        bool sameClause = IsDominatedWithinClause(s, t, a.Head);
        f.Add(F(T.RoleSameClause, sameClause ? Yes : No, side));
        f.Add(F(T.RoleQuote, s.InQuote[a.Head - s0] == s.InQuote[t - s0] ? Yes : No));
        if (useRules && s.RuleEvents.TryGetValue(t, out var rules))
        {
            bool any = false;
            foreach (var e in rules)
            {
                if (e.SourceTokens is { } st && Overlaps(st, a))
                {
                    f.Add(F(T.RoleRuleSource, e.Record.Root == root ? Yes : No));
                    any = true;
                }

                if (e.TargetTokens is { } tt && Overlaps(tt, a))
                {
                    f.Add(F(T.RoleRuleTarget, e.Record.Root == root ? Yes : No));
                    any = true;
                }
            }

            if (!any)
            {
                f.Add(F(T.RoleRuleNone, rh));
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
}
