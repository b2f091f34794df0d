using System.Text.RegularExpressions;
using Dyad.Coding;
using Dyad.Lexicon;
using Dyad.Text;
using Xunit;

namespace Dyad.Tests.Dictionaries;

/// <summary>The people dictionaries (actors/people*.txt): coverage of the UN members and dated roles.</summary>
public sealed class PeopleTests
{
    private static readonly DyadCoder Coder = new(Dyad.Lexicon.Lexicon.Default);

    /// <summary>For every UN member, one head of state or government in office on 2024-01-01.</summary>
    private static readonly (string Country, string Name)[] HeadsOn2024 =
    [
        ("AFG", "Hibatullah Akhundzada"), ("AGO", "Joao Lourenco"), ("ALB", "Edi Rama"), ("AND", "Xavier Espot Zamora"),
        ("ARE", "Mohamed bin Zayed"), ("ARG", "Javier Milei"), ("ARM", "Nikol Pashinyan"), ("ATG", "Gaston Browne"),
        ("AUS", "Anthony Albanese"), ("AUT", "Karl Nehammer"), ("AZE", "Ilham Aliyev"), ("BDI", "Evariste Ndayishimiye"),
        ("BEL", "Alexander De Croo"), ("BEN", "Patrice Talon"), ("BFA", "Ibrahim Traore"), ("BGD", "Sheikh Hasina"),
        ("BGR", "Rumen Radev"), ("BHR", "Hamad bin Isa Al Khalifa"), ("BHS", "Philip Davis"), ("BIH", "Borjana Kristo"),
        ("BLR", "Alexander Lukashenko"), ("BLZ", "Johnny Briceno"), ("BOL", "Luis Arce"), ("BRA", "Lula da Silva"),
        ("BRB", "Mia Mottley"), ("BRN", "Hassanal Bolkiah"), ("BTN", "Jigme Khesar Namgyel Wangchuck"), ("BWA", "Mokgweetsi Masisi"),
        ("CAF", "Faustin-Archange Touadera"), ("CAN", "Justin Trudeau"), ("CHE", "Viola Amherd"), ("CHL", "Gabriel Boric"),
        ("CHN", "Xi Jinping"), ("CIV", "Alassane Ouattara"), ("CMR", "Paul Biya"), ("COD", "Felix Tshisekedi"),
        ("COG", "Denis Sassou Nguesso"), ("COL", "Gustavo Petro"), ("COM", "Azali Assoumani"), ("CPV", "Ulisses Correia e Silva"),
        ("CRI", "Rodrigo Chaves"), ("CUB", "Miguel Diaz-Canel"), ("CYP", "Nikos Christodoulides"), ("CZE", "Petr Fiala"),
        ("DEU", "Olaf Scholz"), ("DJI", "Ismail Omar Guelleh"), ("DMA", "Roosevelt Skerrit"), ("DNK", "Mette Frederiksen"),
        ("DOM", "Luis Abinader"), ("DZA", "Abdelmadjid Tebboune"), ("ECU", "Daniel Noboa"), ("EGY", "Abdel Fattah al-Sisi"),
        ("ERI", "Isaias Afwerki"), ("ESP", "Pedro Sanchez"), ("EST", "Kaja Kallas"), ("ETH", "Abiy Ahmed"),
        ("FIN", "Sauli Niinisto"), ("FJI", "Sitiveni Rabuka"), ("FRA", "Emmanuel Macron"), ("FSM", "Wesley Simina"),
        ("GAB", "Brice Clotaire Oligui Nguema"), ("GBR", "Rishi Sunak"), ("GEO", "Salome Zourabichvili"), ("GHA", "Nana Akufo-Addo"),
        ("GIN", "Mamady Doumbouya"), ("GMB", "Adama Barrow"), ("GNB", "Umaro Sissoco Embalo"), ("GNQ", "Teodoro Obiang Nguema Mbasogo"),
        ("GRC", "Kyriakos Mitsotakis"), ("GRD", "Dickon Mitchell"), ("GTM", "Alejandro Giammattei"), ("GUY", "Irfaan Ali"),
        ("HND", "Xiomara Castro"), ("HRV", "Andrej Plenkovic"), ("HTI", "Ariel Henry"), ("HUN", "Viktor Orban"),
        ("IDN", "Joko Widodo"), ("IND", "Narendra Modi"), ("IRL", "Leo Varadkar"), ("IRN", "Ebrahim Raisi"),
        ("IRQ", "Mohammed Shia al-Sudani"), ("ISL", "Katrin Jakobsdottir"), ("ISR", "Benjamin Netanyahu"), ("ITA", "Giorgia Meloni"),
        ("JAM", "Andrew Holness"), ("JOR", "King Abdullah II"), ("JPN", "Fumio Kishida"), ("KAZ", "Kassym-Jomart Tokayev"),
        ("KEN", "William Ruto"), ("KGZ", "Sadyr Japarov"), ("KHM", "Hun Manet"), ("KIR", "Taneti Maamau"),
        ("KNA", "Terrance Drew"), ("KOR", "Yoon Suk Yeol"), ("KWT", "Sheikh Mishal al-Ahmad"), ("LAO", "Thongloun Sisoulith"),
        ("LBN", "Najib Mikati"), ("LBR", "George Weah"), ("LBY", "Abdul Hamid Dbeibah"), ("LCA", "Philip J. Pierre"),
        ("LIE", "Daniel Risch"), ("LKA", "Ranil Wickremesinghe"), ("LSO", "Sam Matekane"), ("LTU", "Gitanas Nauseda"),
        ("LUX", "Luc Frieden"), ("LVA", "Edgars Rinkevics"), ("MAR", "King Mohammed VI"), ("MCO", "Prince Albert II"),
        ("MDA", "Maia Sandu"), ("MDG", "Andry Rajoelina"), ("MDV", "Mohamed Muizzu"), ("MEX", "Andres Manuel Lopez Obrador"),
        ("MHL", "David Kabua"), ("MKD", "Stevo Pendarovski"), ("MLI", "Assimi Goita"), ("MLT", "Robert Abela"),
        ("MMR", "Min Aung Hlaing"), ("MNE", "Jakov Milatovic"), ("MNG", "Ukhnaagiin Khurelsukh"), ("MOZ", "Filipe Nyusi"),
        ("MRT", "Mohamed Ould Ghazouani"), ("MUS", "Pravind Jugnauth"), ("MWI", "Lazarus Chakwera"), ("MYS", "Anwar Ibrahim"),
        ("NAM", "Hage Geingob"), ("NER", "Abdourahamane Tchiani"), ("NGA", "Bola Tinubu"), ("NIC", "Daniel Ortega"),
        ("NLD", "Mark Rutte"), ("NOR", "Jonas Gahr Store"), ("NPL", "Pushpa Kamal Dahal"), ("NRU", "David Adeang"),
        ("NZL", "Christopher Luxon"), ("OMN", "Haitham bin Tariq"), ("PAK", "Arif Alvi"), ("PAN", "Laurentino Cortizo"),
        ("PER", "Dina Boluarte"), ("PHL", "Ferdinand Marcos Jr."), ("PLW", "Surangel Whipps Jr."), ("PNG", "James Marape"),
        ("POL", "Donald Tusk"), ("PRK", "Kim Jong Un"), ("PRT", "Marcelo Rebelo de Sousa"), ("PRY", "Santiago Pena"),
        ("QAT", "Tamim bin Hamad Al Thani"), ("ROU", "Klaus Iohannis"), ("RUS", "Vladimir Putin"), ("RWA", "Paul Kagame"),
        ("SAU", "King Salman"), ("SDN", "Abdel Fattah al-Burhan"), ("SEN", "Macky Sall"), ("SGP", "Lee Hsien Loong"),
        ("SLB", "Manasseh Sogavare"), ("SLE", "Julius Maada Bio"), ("SLV", "Nayib Bukele"), ("SMR", "Luca Beccari"),
        ("SOM", "Hassan Sheikh Mohamud"), ("SRB", "Aleksandar Vucic"), ("SSD", "Salva Kiir"), ("STP", "Carlos Vila Nova"),
        ("SUR", "Chan Santokhi"), ("SVK", "Robert Fico"), ("SVN", "Robert Golob"), ("SWE", "Ulf Kristersson"),
        ("SWZ", "King Mswati III"), ("SYC", "Wavel Ramkalawan"), ("SYR", "Bashar al-Assad"), ("TCD", "Mahamat Idriss Deby"),
        ("TGO", "Faure Gnassingbe"), ("THA", "Srettha Thavisin"), ("TJK", "Emomali Rahmon"), ("TKM", "Serdar Berdimuhamedov"),
        ("TMP", "Jose Ramos-Horta"), ("TON", "King Tupou VI"), ("TTO", "Keith Rowley"), ("TUN", "Kais Saied"),
        ("TUR", "Recep Tayyip Erdogan"), ("TUV", "Kausea Natano"), ("TZA", "Samia Suluhu Hassan"), ("UGA", "Yoweri Museveni"),
        ("UKR", "Volodymyr Zelensky"), ("URY", "Luis Lacalle Pou"), ("USA", "Joe Biden"), ("UZB", "Shavkat Mirziyoyev"),
        ("VCT", "Ralph Gonsalves"), ("VEN", "Nicolas Maduro"), ("VNM", "Pham Minh Chinh"), ("VUT", "Charlot Salwai"),
        ("WSM", "Fiame Naomi Mata'afa"), ("YEM", "Rashad al-Alimi"), ("ZAF", "Cyril Ramaphosa"), ("ZMB", "Hakainde Hichilema"),
        ("ZWE", "Emmerson Mnangagwa"),
    ];

    /// <summary>The codes of actors/people.txt's person mentions in "<paramref name="name"/> said." reported on <paramref name="date"/>.</summary>
    private static List<string> PersonCodes(string name, string date)
    {
        var document = Coder.Analyse(new Document("t", name + " said.", new DocumentMetadata(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))));
        return document.GetLayer<ActorLayer>().Mentions.Where(m => m.Kind == ActorMentionKind.Person).Select(m => m.Code).ToList();
    }

    /// <summary>The 193 UN members: the first section of actors/countries.txt without the observer states.</summary>
    private static HashSet<string> UnMembers()
    {
        string text = Dyad.Lexicon.Lexicon.ReadEmbedded("actors/countries.txt").Text;
        text = text[..text.IndexOf("# Other coded territories", StringComparison.Ordinal)];
        return Regex.Matches(text, @"^([A-Z]{3}) [A-Z]{2} ", RegexOptions.Multiline).Select(m => m.Groups[1].Value).Where(c => c is not ("VAT" or "PSE")).ToHashSet();
    }

    [Fact]
    public void HeadsTable_CoversExactlyTheUnMembers()
    {
        var members = UnMembers();
        Assert.Equal(193, members.Count);
        Assert.Equal(members.Order(), HeadsOn2024.Select(h => h.Country).Order());
    }

    [Fact]
    public void EveryUnMember_HasAHeadOfStateOrGovernment_On2024_01_01()
    {
        var missing = HeadsOn2024.Where(h => !PersonCodes(h.Name, "2024-01-01").Contains(h.Country + "GOV")).Select(h => $"{h.Country} {h.Name}").ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void PersonNameForms_BelongToOnePersonOnly()
    {
        // Two people with the same name form: the second could never be matched.
        var people = Dyad.Lexicon.Lexicon.Default.Actors.Entries.Where(e => e.Kind == ActorEntryKind.Person);
        var shared = people.GroupBy(e => string.Join(' ', e.TokenIds))
            .Where(g => g.Select(e => e.Where).Distinct().Count() > 1)
            .Select(g => string.Join(" / ", g.Select(e => $"{e.Phrase} ({e.Where.File}:{e.Where.Line})")))
            .ToList();
        Assert.Empty(shared);
    }

    [Fact]
    public void PersonNameForms_DoNotShadowCountriesOrOrganisations()
    {
        var lexicon = Dyad.Lexicon.Lexicon.Default;
        var others = lexicon.Actors.Entries.Where(e => e.Kind != ActorEntryKind.Person).Select(e => string.Join(' ', e.TokenIds)).ToHashSet();
        var clashes = lexicon.Actors.Entries.Where(e => e.Kind == ActorEntryKind.Person && others.Contains(string.Join(' ', e.TokenIds))).Select(e => $"{e.Phrase} ({e.Where.File}:{e.Where.Line})").ToList();
        Assert.Empty(clashes);
    }

    [Fact]
    public void PeopleFiles_AreSplitByRegion_AndAllLoaded()
    {
        var files = Dyad.Lexicon.Lexicon.Default.Actors.Entries.Where(e => e.Kind == ActorEntryKind.Person).Select(e => e.Where.File).ToHashSet();
        foreach (string region in new[] { "africa", "americas", "asia", "europe", "oceania" })
        {
            Assert.Contains($"actors/people-{region}.txt", files);
        }

        Assert.Contains("actors/people.txt", files);
    }

    // One dated-role check per continent: "X said" inside, outside and across the ranges of X's offices.
    [Theory]
    [InlineData("Hage Geingob said.", "2020-06-01", "NAMGOV")]            // Africa: president 2015-2024
    [InlineData("Hage Geingob said.", "2025-01-01", null)]                // ... died in office in 2024
    [InlineData("Philemon Yang said.", "2015-06-01", "CMRGOV")]           // prime minister of Cameroon
    [InlineData("Philemon Yang said.", "2025-01-01", "IGOUNO")]           // then president of the UN General Assembly
    [InlineData("Hubert Minnis said.", "2019-03-01", "BHSGOV")]           // Americas: prime minister of the Bahamas 2017-2021
    [InlineData("Hubert Minnis said.", "2023-03-01", null)]
    [InlineData("Albert Ramdin said.", "2023-03-01", "SURGOV")]           // foreign minister of Suriname
    [InlineData("Albert Ramdin said.", "2025-08-01", "IGOOAS")]           // then OAS secretary general
    [InlineData("Thongloun Sisoulith said.", "2005-01-01", null)]          // Asia: Laos, before his offices
    [InlineData("Thongloun Sisoulith said.", "2012-01-01", "LAOGOV")]     // foreign minister, prime minister, president
    [InlineData("Ivo Josipovic said.", "2012-01-01", "HRVGOV")]           // Europe: president of Croatia 2010-2015
    [InlineData("Ivo Josipovic said.", "2016-01-01", null)]
    [InlineData("Nickolay Mladenov said.", "2011-01-01", "BGRGOV")]       // Bulgarian foreign minister
    [InlineData("Nickolay Mladenov said.", "2016-01-01", "IGOUNO")]       // then UN Middle East envoy
    [InlineData("Jacinda Ardern said.", "2020-06-01", "NZLGOV")]          // Oceania: prime minister of New Zealand 2017-2023
    [InlineData("Jacinda Ardern said.", "2024-06-01", null)]
    [InlineData("Helen Clark said.", "2005-01-01", "NZLGOV")]             // prime minister
    [InlineData("Helen Clark said.", "2012-01-01", "IGOUNODEV")]          // then UNDP administrator
    public void PersonSaid_IsCodedByTheOfficeHeldOnTheDate(string text, string date, string? expected)
    {
        string name = text[..text.IndexOf(" said", StringComparison.Ordinal)];
        var codes = PersonCodes(name, date);
        if (expected is null)
        {
            Assert.Empty(codes);
        }
        else
        {
            Assert.Equal([expected], codes);
        }
    }
}
