using Dyad.Lexicon;

namespace Dyad.Tests.Coding;

/// <summary>
/// A small dictionary set over fictional countries (after PETRARCH's validation records), so that coder tests
/// check the coder's logic without depending on the shipped real-world dictionaries.
/// </summary>
internal static class FictionalLexicon
{
    public const string Countries = """
        # dyad-dict countries v1
        ARN AR | Arnor | Kingdom of Arnor
          adj: Arnorian
          people: Arnorians
          capital: Fornost
        GON GO | Gondor | Republic of Gondor
          adj: Gondorian
          capital: Minas Tirith
          seat GOV: Citadel
        MOR MO | Mordor
          adj: Mordorian
          capital: Barad-dur
        """;

    public const string Organisations = """
        # dyad-dict igos v1
        IGOMEL | Middle-earth League | MEL
        NGOHRI | Human Rights Watch | HRW
        """;

    public const string Agents = """
        # dyad-dict agents v1
        GOV | government | !foreign ministry | foreign minister | deputy minister | minister of foreign affairs | president | !side
        MIL | armed forces | army | troops | servicemen | !units | !forces
        COP | police
        OPP | protesters | opposition
        """;

    public const string People = """
        # dyad-dict people v1
        Aragorn Elessar | Aragorn
          GONGOV 2019-01-01..
        Denethor
          GONGOV 2000-01-01..2018-12-31
        """;

    public const string Verbs = """
        # dyad-dict verbs v1
        190   fire on
        190   fire
        190   open fire on
        193   shoot at
        112   accuse
        1123  accuse $T of provocation
        046   hold talks with   [recip]
        042   visit
        040   attend
        173   arrest
        111   criticize
        0256  call on $T to withdraw
        057   sign (an) agreement with   [recip]
        190   attack
        015   claim responsibility   [notarget]
        """;

    public static Lexicon.Lexicon Build(string? extraVerbs = null)
    {
        var files = new List<DictionaryFile>
        {
            new("actors/countries.txt", Countries),
            new("actors/igos.txt", Organisations),
            new("actors/agents.txt", Agents),
            new("actors/people.txt", People),
            new("verbs/test.txt", Verbs + (extraVerbs ?? string.Empty)),
            Lexicon.Lexicon.ReadEmbedded("discards.txt"),
        };
        return Lexicon.Lexicon.Compile(files);
    }
}
