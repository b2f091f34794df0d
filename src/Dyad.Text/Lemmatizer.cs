using System.Collections.Frozen;

namespace Dyad.Text;

/// <summary>
/// A rule lemmatizer used before (or instead of) the trained analyser: lower-cases, maps irregular forms
/// (<c>held</c> -> <c>hold</c>), and offers the regular base-form candidates of inflected words
/// (<c>fired</c> -> <c>fire</c>, <c>talks</c> -> <c>talk</c>, <c>shelling</c> -> <c>shell</c>). Without part of speech it
/// cannot choose between candidates, so pattern matching checks every candidate. Stateless, thread-safe.
/// </summary>
public sealed class Lemmatizer
{
    private static readonly FrozenDictionary<string, string> Irregular = BuildIrregular();

    /// <summary>Shared instance.</summary>
    public static Lemmatizer Default { get; } = new();

    /// <summary>
    /// Fills <paramref name="candidates"/> with the lower-cased form first, then the base-form candidates
    /// (irregular lemma, or regular stripping of -s/-es/-ies, -ed/-d/-ied, -ing with consonant doubling).
    /// Returns the number written (1 to 4).
    /// </summary>
    public int Candidates(ReadOnlySpan<char> word, Span<string?> candidates, Func<ReadOnlySpan<char>, string> intern)
    {
        Span<char> lower = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        for (int k = 0; k < word.Length; k++)
        {
            char c = word[k];
            lower[k] = c == '\u2019' ? '\'' : char.ToLowerInvariant(c);
        }

        int n = 0;
        string surface = intern(lower);
        candidates[n++] = surface;
        if (Irregular.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(lower, out string? irregular))
        {
            candidates[n++] = irregular;
            return n;
        }

        int len = lower.Length;
        if (len <= 3 || !char.IsLetter(lower[len - 1]))
        {
            return n;
        }

        void Add(ReadOnlySpan<char> form, Span<string?> into, ref int count)
        {
            if (count < into.Length && form.Length >= 2)
            {
                into[count++] = intern(form);
            }
        }

        if (lower.EndsWith("ies"))
        {
            Add(string.Concat(lower[..^3], "y"), candidates, ref n);
        }
        else if (lower.EndsWith("ied"))
        {
            Add(string.Concat(lower[..^3], "y"), candidates, ref n);
        }
        else if (lower.EndsWith("ing") && len >= 5)
        {
            ReadOnlySpan<char> stem = lower[..^3];
            Add(stem, candidates, ref n);
            Add(string.Concat(stem, "e"), candidates, ref n);
            if (stem.Length >= 3 && stem[^1] == stem[^2] && !IsVowel(stem[^1]) && stem[^1] is not ('s' or 'z'))
            {
                Add(stem[..^1], candidates, ref n); // stopping -> stop
            }
        }
        else if (lower.EndsWith("ed"))
        {
            ReadOnlySpan<char> stem = lower[..^2];
            Add(lower[..^1], candidates, ref n); // fired -> fire
            Add(stem, candidates, ref n); // shelled -> shell
            if (stem.Length >= 3 && stem[^1] == stem[^2] && !IsVowel(stem[^1]) && stem[^1] is not ('s' or 'z'))
            {
                Add(stem[..^1], candidates, ref n); // stopped -> stop
            }
        }
        else if (lower.EndsWith("es") && (lower.EndsWith("ches") || lower.EndsWith("shes") || lower.EndsWith("sses") || lower.EndsWith("xes") || lower.EndsWith("zes")))
        {
            Add(lower[..^2], candidates, ref n);
        }
        else if (lower[len - 1] == 's' && lower[len - 2] != 's' && lower[len - 2] != 'u' && lower[len - 2] != '\'')
        {
            Add(lower[..^1], candidates, ref n); // talks -> talk, forces -> force
        }

        return n;
    }

    /// <summary>
    /// Writes the base-form candidates of an already folded (lower-case) word into <paramref name="buffer"/>
    /// (at least 2 x word length + 8 characters) and their ranges into <paramref name="ranges"/> (at least 3);
    /// returns how many. The word itself is not included. Allocates nothing.
    /// </summary>
    public int BaseForms(ReadOnlySpan<char> lower, Span<char> buffer, Span<Range> ranges)
    {
        int count = 0;
        int used = 0;
        void Emit(ReadOnlySpan<char> stem, ReadOnlySpan<char> suffix, Span<char> into, Span<Range> found)
        {
            int length = stem.Length + suffix.Length;
            if (length < 2 || used + length > into.Length || count >= found.Length)
            {
                return;
            }

            stem.CopyTo(into[used..]);
            suffix.CopyTo(into[(used + stem.Length)..]);
            found[count++] = new Range(used, used + length);
            used += length;
        }

        if (Irregular.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(lower, out string? irregular))
        {
            Emit(irregular, "", buffer, ranges);
            return count;
        }

        int len = lower.Length;
        if (len <= 3 || !char.IsLetter(lower[len - 1]))
        {
            return 0;
        }

        if (lower.EndsWith("ies") || lower.EndsWith("ied"))
        {
            Emit(lower[..^3], "y", buffer, ranges);
        }
        else if (lower.EndsWith("ing") && len >= 5)
        {
            ReadOnlySpan<char> stem = lower[..^3];
            Emit(stem, "", buffer, ranges);
            Emit(stem, "e", buffer, ranges);
            if (stem.Length >= 3 && stem[^1] == stem[^2] && !IsVowel(stem[^1]) && stem[^1] is not ('s' or 'z'))
            {
                Emit(stem[..^1], "", buffer, ranges);
            }
        }
        else if (lower.EndsWith("ed"))
        {
            ReadOnlySpan<char> stem = lower[..^2];
            Emit(lower[..^1], "", buffer, ranges);
            Emit(stem, "", buffer, ranges);
            if (stem.Length >= 3 && stem[^1] == stem[^2] && !IsVowel(stem[^1]) && stem[^1] is not ('s' or 'z'))
            {
                Emit(stem[..^1], "", buffer, ranges);
            }
        }
        else if (lower.EndsWith("ches") || lower.EndsWith("shes") || lower.EndsWith("sses") || lower.EndsWith("xes") || lower.EndsWith("zes"))
        {
            Emit(lower[..^2], "", buffer, ranges);
        }
        else if (lower[len - 1] == 's' && lower[len - 2] != 's' && lower[len - 2] != 'u' && lower[len - 2] != '\'')
        {
            Emit(lower[..^1], "", buffer, ranges);
        }

        return count;
    }

    /// <summary>The single most likely lemma (first base-form candidate, else the lower-cased word).</summary>
    public string Lemma(ReadOnlySpan<char> word)
    {
        Span<string?> buffer = new string?[4];
        int n = Candidates(word, buffer, static s => s.ToString());
        return buffer[n > 1 ? 1 : 0]!;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static FrozenDictionary<string, string> BuildIrregular()
    {
        // base: forms (past, participle, third person, -ing where irregular)
        string[] table =
        [
            "be: is are was were been being am 're 'm",
            "have: has had having 've",
            "do: does did done doing",
            "say: said says",
            "go: went gone goes",
            "take: took taken",
            "meet: met",
            "hold: held",
            "fight: fought",
            "strike: struck stricken",
            "shoot: shot",
            "send: sent",
            "give: gave given",
            "begin: began begun",
            "break: broke broken",
            "bring: brought",
            "come: came",
            "make: made",
            "tell: told",
            "leave: left",
            "lead: led",
            "win: won",
            "keep: kept",
            "seek: sought",
            "throw: threw thrown",
            "withdraw: withdrew withdrawn",
            "stand: stood",
            "speak: spoke spoken",
            "flee: fled",
            "buy: bought",
            "catch: caught",
            "choose: chose chosen",
            "draw: drew drawn",
            "drive: drove driven",
            "fall: fell fallen",
            "feel: felt",
            "find: found",
            "fly: flew flown flies",
            "get: got gotten",
            "grow: grew grown",
            "hear: heard",
            "hide: hid hidden",
            "know: knew known",
            "lay: laid",
            "lose: lost",
            "mean: meant",
            "pay: paid",
            "run: ran",
            "rise: rose risen",
            "see: saw seen",
            "sell: sold",
            "shake: shook shaken",
            "sit: sat",
            "slay: slew slain",
            "spend: spent",
            "steal: stole stolen",
            "stick: stuck",
            "swear: swore sworn",
            "sweep: swept",
            "teach: taught",
            "think: thought",
            "understand: understood",
            "wake: woke woken",
            "wear: wore worn",
            "write: wrote written",
            "forbid: forbade forbidden",
            "forgive: forgave forgiven",
            "overtake: overtook overtaken",
            "undertake: undertook undertaken",
            "uphold: upheld",
            "overthrow: overthrew overthrown",
            "arise: arose arisen",
            "bear: bore borne",
            "beat: beaten",
            "bind: bound",
            "blow: blew blown",
            "build: built",
            "burn: burnt",
            "deal: dealt",
            "dig: dug",
            "feed: fed",
            "forget: forgot forgotten",
            "freeze: froze frozen",
            "hang: hung",
            "ride: rode ridden",
            "ring: rang rung",
            "shut: shutting",
            "sink: sank sunk",
            "sing: sang sung",
            "sleep: slept",
            "spin: spun",
            "split: splitting",
            "spread: spreading",
            "swim: swam swum",
            "tear: tore torn",
            "weep: wept",
            "wind: wound",
            "lie: lay lain lying lies",
            "die: died dies dying",
            "tie: tied ties tying",
            "man: men",
            "woman: women",
            "child: children",
            "serviceman: servicemen",
            "policeman: policemen",
            "gunman: gunmen",
            "spokesman: spokesmen",
            "crisis: crises",
            "analysis: analyses",
            "thesis: theses",
            "basis: bases",
            "will: 'll",
            "not: n't",
            "can: ca",
        ];

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string row in table)
        {
            int colon = row.IndexOf(':');
            string lemma = row[..colon];
            foreach (string form in row[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                map.TryAdd(form, lemma);
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
