using Dyad.Coding;
using Dyad.Lexicon;
using Dyad.Lexicon.Petrarch;
using Dyad.Text;
using Xunit;

namespace Dyad.Tests.Dictionaries;

/// <summary>The PETRARCH/TABARI importer: each construct, its provenance, and warnings that name file:line.</summary>
public sealed class PetrarchImportTests
{
    private const string Actors = """
        # test actors
        ARNOR_  [ARN]
        +ARNORIAN
        GONDOR [GON]  # a comment
        +MINAS_TIRITH
        WHITE_HOUSE  [USAGOV]

        GOLLUM
        +SMEAGOL
        	[HOB < 950601]
        	[HOBGOV 19950601 - 19990815]
        	[HOBREB > 990816]
        """;

    private const string Agents = """
        !PERSON! = MAN, MEN
        GOVERNMENT  [~GOV] # ems
        POLICE {} [ ~COP]
        CONGRESS!PERSON! [~LEG]
        GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]
        MSF {}  [NGO~]
        """;

    private const string Verbs = """
        &TIETYPES
        +MILITARY
        +ECONOMIC
        +CULTURAL_EXCHANGE

        --- RESTORE  [050]  ---
        RESTORE
        - * {&TIETYPES TIES} [051]
        - * RELATIONS [050:050]
        - * {FXLL DIPLOMATIC} [+++]

        --- ARRIVE  [042:043]  ---
        ARRIVE

        --- DELAY [120] ---
        DELAY
        POSTPONE
        - % *  [120]
        - * BUDGET [---]

        --- FREE  [080] ---
        FREE {FREED}
        - + * (FROM $)  [080]

        --- CONFISCATE [170] ---
        WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING }
        """;

    private static PetrarchImport Import(string? actors = null, string? agents = null, string? verbs = null, string? discards = null, bool allowCodes = false) =>
        PetrarchImporter.Import(
            new PetrarchSources
            {
                Actors = actors is null ? [] : [new PetrarchFile("a.actors.txt", actors)],
                Agents = agents is null ? [] : [new PetrarchFile("a.agents.txt", agents)],
                Verbs = verbs is null ? [] : [new PetrarchFile("a.verbs.txt", verbs)],
                Discards = discards is null ? [] : [new PetrarchFile("a.discards.txt", discards)],
            },
            new PetrarchImportOptions { AllowNonCameoCodes = allowCodes });

    private static string FileText(PetrarchImport import, string name) => import.Files.Single(f => f.Name == name).Text;

    [Fact]
    public void Actors_ThreeLetterCodeBecomesCountryWithSynonymsAndProvenance()
    {
        string countries = FileText(Import(actors: Actors), "actors/countries.txt");
        Assert.Contains("ARN -- | Arnor  # a.actors.txt:2", countries);
        Assert.Contains("  name: Arnorian  # a.actors.txt:3", countries);
        Assert.Contains("  name: Minas Tirith  # a.actors.txt:5", countries);
    }

    [Fact]
    public void Actors_LongerCodeBecomesOrganisation() =>
        Assert.Contains("USAGOV | White House  # a.actors.txt:6", FileText(Import(actors: Actors), "actors/igos.txt"));

    [Fact]
    public void Actors_DatedCodesBecomePeopleRolesWithStrictBounds()
    {
        string people = FileText(Import(actors: Actors), "actors/people.txt");
        Assert.Contains("Gollum  # a.actors.txt:8", people);
        Assert.Contains("  HOB ..1995-05-31  # a.actors.txt:10", people);
        Assert.Contains("  HOBGOV 1995-06-01..1999-08-15  # a.actors.txt:11", people);
        Assert.Contains("  HOBREB 1999-08-17..  # a.actors.txt:12", people);
        Assert.Contains("Smeagol  # a.actors.txt:9", people);
    }

    [Fact]
    public void Actors_DatedRolesApplyByReportDate()
    {
        var lexicon = Import(actors: Actors, verbs: Verbs).Compile();
        Assert.Empty(lexicon.Diagnostics);
        var coder = new DyadCoder(lexicon);
        string Source(string date) => coder.Code(new Document("d", "Smeagol restored relations with Gondor.", new DocumentMetadata(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)))).First().Source!;
        Assert.Equal("HOB", Source("1995-01-01"));
        Assert.Equal("HOBGOV", Source("1995-11-01"));
        Assert.Equal("HOBREB", Source("2001-01-01"));
    }

    [Fact]
    public void Actors_HeadsWithoutCodesShareTheCodesBelowThem()
    {
        var import = Import(actors: "IVO_JOSIPOVIC_\nPRESIDENT_JOSIPOVIC_ ;tabari comment\n\t[HRVGOV >20120219]\n\nLONELY_NAME\n\nGONDOR [GON]\n");
        string people = FileText(import, "actors/people.txt");
        Assert.Contains("Ivo Josipovic  # a.actors.txt:1", people);
        Assert.Contains("President Josipovic  # a.actors.txt:2", people);
        Assert.Contains("  HRVGOV 2012-02-20..  # a.actors.txt:3", people);
        var warning = Assert.Single(import.Warnings);
        Assert.Equal((5, "actor 'LONELY NAME' has no code; skipped."), (warning.Line, warning.Message));
    }

    [Theory]
    [InlineData("ARNOR [ARN 9501-950101]", "date in [ARN 9501-950101]")]
    [InlineData("ARNOR [arn%]", "'ARN%' is not an actor code")]
    [InlineData("+ARNORIAN", "synonym (+) with no actor before it")]
    [InlineData("ARNOR", "has no code")]
    public void Actors_MalformedLinesWarnWithFileAndLine(string line, string message)
    {
        var warning = Assert.Single(Import(actors: "# header\n" + line + "\n").Warnings, w => w.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(("a.actors.txt", 2), (warning.File, warning.Line));
        Assert.StartsWith("a.actors.txt:2: warning: ", warning.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Agents_PluralsSubstitutionsAndNoPluralMarker()
    {
        var import = Import(agents: Agents);
        string agents = FileText(import, "actors/agents.txt");
        Assert.Contains("GOV | government | governments  # a.agents.txt:2", agents);
        Assert.Contains("COP | police  # a.agents.txt:3", agents);
        Assert.Contains("LEG | congressman | congressmen", agents);
        Assert.Contains("GGS | golden goose | golden geese  # a.agents.txt:5", agents);
        Assert.Contains("GGS", FileText(import, "cameo/actor-roles.tsv"));
        Assert.Contains(import.Warnings, w => w.Line == 6 && w.Message.Contains("prefix agent [NGO~]", StringComparison.Ordinal));
        Assert.Empty(import.Compile().Diagnostics);
    }

    [Fact]
    public void Agents_LineWithoutCodeWarns() =>
        Assert.Contains(Import(agents: "GOVERNMENT ~GOV\n").Warnings, w => w.Line == 1 && w.Message.Contains("without a [~CODE]", StringComparison.Ordinal));

    [Fact]
    public void Verbs_SynsetsBlocksFormsAndPatternsConvert()
    {
        var import = Import(verbs: Verbs);
        string verbs = FileText(import, "verbs/petrarch.txt");
        Assert.Contains("&tietypes = military | economic | cultural exchange  # a.verbs.txt:1", verbs);
        Assert.Contains("050  =restore|restored|restores|restoring  # a.verbs.txt:7", verbs);
        Assert.Contains("051  =restore|restored|restores|restoring * &tietypes * =ties  # a.verbs.txt:8", verbs);
        Assert.Contains("050  =restore|restored|restores|restoring * =relations [recip]  # a.verbs.txt:9", verbs);
        Assert.Contains("042  =arrive|arrived|arrives|arriving [reverse 043]  # a.verbs.txt:13", verbs);
        Assert.Contains("120  =delay|delayed|delaying|delays|postpone|postponed|postpones|postponing [compound]  # a.verbs.txt:18", verbs);
        Assert.Contains("---  =delay|delayed|delaying|delays|postpone|postponed|postpones|postponing * =budget|budgets  # a.verbs.txt:19", verbs);
        Assert.Contains("080  =free|freed|freeing|frees * =from * $S [passive]  # a.verbs.txt:23", verbs);
        Assert.Contains("170  =wire =tap|taped|taping|tapped|tapping|taps  # a.verbs.txt:26", verbs);
        Assert.Contains(import.Warnings, w => w.Line == 10 && w.Message.Contains("[+++] is not a CAMEO code", StringComparison.Ordinal));
        Assert.Empty(import.Compile().Diagnostics);
    }

    [Theory]
    [InlineData("--- SAY [010] ---\nSAY\n* (TO QUESTION) [110]\n", 3, "without its leading '- '; read as a pattern")]
    [InlineData("--- SAY [010] ---\nSAY\n- UNSATISFACTORY [131]\n", 3, "without the verb position '*'")]
    [InlineData("--- SAY [010] ---\nSAY\n- * &NOSUCH [131]\n", 3, "names no synset")]
    [InlineData("--- SAY [010] ---\nSAY\n- * WORDS\n", 3, "without a [CODE]")]
    [InlineData("SAY\n", 1, "outside any synset")]
    [InlineData("--- SAY [010]\nSAY\n", 1, "block header")]
    public void Verbs_MalformedLinesWarnWithFileAndLine(string text, int line, string message) =>
        Assert.Contains(Import(verbs: text).Warnings, w => w.File == "a.verbs.txt" && w.Line == line && w.Message.Contains(message, StringComparison.Ordinal));

    [Fact]
    public void Verbs_ReverseOnlyCodeBecomesSwap()
    {
        var import = Import(verbs: "--- RECEIVE [---] ---\nRECEIVE\n- * INVITATION  [:026]\n");
        Assert.Contains("026  =receive|received|receives|receiving * =invitation|invitations [swap]  # a.verbs.txt:3", FileText(import, "verbs/petrarch.txt"));
        var coder = new DyadCoder(Import(actors: Actors, verbs: "--- RECEIVE [---] ---\nRECEIVE\n- * INVITATION  [:026]\n").Compile());
        var e = Assert.Single(coder.Code(new Document("d", "Arnor received an invitation from Gondor.", new DocumentMetadata(new DateOnly(1995, 1, 1)))));
        Assert.Equal(("GON", "ARN", "026"), (e.Source, e.Target, e.Code));
    }

    [Fact]
    public void Verbs_NonCameoCodesKeptOnlyWhenAllowed()
    {
        const string text = "--- ARREST [212] ---\nARREST\n";
        Assert.Contains(Import(verbs: text).Warnings, w => w.Line == 1 && w.Message.Contains("[212] is not a CAMEO code", StringComparison.Ordinal));
        var allowed = Import(verbs: text, allowCodes: true);
        Assert.Empty(allowed.Warnings);
        Assert.Equal(1, allowed.Counts.ExtraCodes);
        Assert.NotNull(allowed.Compile().Ontology.Find("212"));
    }

    [Fact]
    public void Discards_PhrasesAndStoryLevelWarning()
    {
        var import = Import(discards: "BASEBALL\nAFRICAN NATIONS CUP   # ab\n+TYPHOON\n");
        string discards = FileText(import, "discards.txt");
        Assert.Contains("african nations cup  # a.discards.txt:2", discards);
        Assert.Contains(import.Warnings, w => w.Line == 3 && w.Message.Contains("story-level", StringComparison.Ordinal));
        var lexicon = import.Compile();
        Assert.Single(lexicon.DiscardPhrases);
        Assert.Equal(2, lexicon.DiscardIds.Count);
    }

    [Fact]
    public void Coding_PetrarchConventionsCompoundReverseAndNull()
    {
        var coder = new DyadCoder(Import(actors: Actors, verbs: Verbs).Compile());
        List<string> Code(string text) => coder.Code(new Document("d", text, new DocumentMetadata(new DateOnly(1995, 1, 1)))).Select(e => $"{e.Source}>{e.Target}:{e.Code}").ToList();

        // Bare country codes, the future coded as the act (PETRARCH), reciprocal [050:050].
        Assert.Equal(["ARN>GON:050", "GON>ARN:050"], Code("Arnor will restore relations with Gondor."));
        // [042:043]: the visit implies hosting.
        Assert.Equal(["ARN>GON:042", "GON>ARN:043"], Code("Arnor arrived in Gondor."));
        // % : an act among the members of a compound subject.
        Assert.Equal(["ARN>GON:120", "GON>ARN:120"], Code("Arnor and Gondor postponed their meeting."));
        // [---]: a null pattern blocks the verb's default code.
        Assert.Empty(Code("Arnor postponed the budget with Gondor."));
        // + * (FROM $): the subject is the target, the source follows "from".
        Assert.Equal(["ARN>GON:080"], Code("Gondor was freed from Arnor."));
    }

    [Fact]
    public void Pico_NegationSubtractsFfff()
    {
        var values = PicoOntology.Parse(new PetrarchFile("pico.txt", "050:0x0080#Coop\n057:0x0087\n110:0x1007f#0xFFFF+0x0080\n170:0x10086\n120:-0xFFFF\nbad line\n"), []);
        var negations = PicoOntology.Negations(values);
        Assert.Equal("050", negations["110"]);
        Assert.Equal("057", negations["170"]);
        Assert.False(negations.ContainsKey("120"));
    }

    [Fact]
    public void Lexicon_SynsetExpansionAndReverseFlagInDyadFormat()
    {
        var lexicon = Dyad.Lexicon.Lexicon.Compile([new DictionaryFile("verbs/x.txt", "# dyad-dict verbs v1\n&tie = military | economic | cultural exchange\n080 abandon * &tie ties\n042 arrive in [reverse 043]\n&bad\n190 fight &nosuch\n")]);
        Assert.Equal(3, lexicon.Verbs.Patterns.Count); // two variants for the synset line (single words, "cultural exchange"), one arrive
        Assert.Equal("043", lexicon.Verbs.Patterns.Single(p => p.Code == "042").ReverseCode);
        Assert.Contains(lexicon.Diagnostics, d => d.Where.Line == 5 && d.Code == LexiconErrorCode.E102Malformed);
        Assert.Contains(lexicon.Diagnostics, d => d.Where.Line == 6 && d.Code == LexiconErrorCode.E105BadPattern);
    }
}
