using Dyad.Text;
using FsCheck;
using FsCheck.Xunit;
using Xunit;

namespace Dyad.Tests.Text;

public sealed class TokenizerTests
{
    private static string[] Tokens(string text) =>
        Tokenizer.Default.Tokenize(text).Select(t => text[t.Start..t.End]).ToArray();

    [Theory]
    [InlineData("Azerbaijan's army", "Azerbaijan|'s|army")]
    [InlineData("Azerbaijan\u2019s army", "Azerbaijan|\u2019s|army")]
    [InlineData("They don't agree.", "They|do|n't|agree|.")]
    [InlineData("We can't, won't.", "We|ca|n't|,|wo|n't|.")]
    [InlineData("The U.S. and the U.K. met.", "The|U.S.|and|the|U.K.|met|.")]
    [InlineData("Dr. Smith arrived on Jan. 5.", "Dr.|Smith|arrived|on|Jan.|5|.")]
    [InlineData("It cost $1,000.50 on 14.04.2023 at 23:20.", "It|cost|$|1,000.50|on|14.04.2023|at|23:20|.")]
    [InlineData("Nagorno-Karabakh (NK) said: \"no\".", "Nagorno-Karabakh|(|NK|)|said|:|\"|no|\"|.")]
    [InlineData("O'Brien met Côte d'Ivoire's envoy...", "O'Brien|met|Côte|d'Ivoire|'s|envoy|...")]
    [InlineData("2023-04-14 and 10/11/2020", "2023-04-14|and|10/11/2020")]
    [InlineData("they're here; we've gone", "they|'re|here|;|we|'ve|gone")]
    public void Tokenize_Text_SplitsAsUd(string text, string expected) =>
        Assert.Equal(expected, string.Join('|', Tokens(text)));

    [Fact]
    public void Tokenize_SpaceAfter_FollowsText()
    {
        var tokens = Tokenizer.Default.Tokenize("Hi, you.");
        Assert.Equal([false, true, false, false], tokens.Select(t => t.SpaceAfter).ToArray());
    }

    [Property(MaxTest = 300)]
    public bool Tokenize_AnyText_SpansInsideTextOrderedAndNonEmpty(NonNull<string> input)
    {
        string text = input.Get;
        var tokens = Tokenizer.Default.Tokenize(text);
        int previousEnd = 0;
        foreach (var t in tokens)
        {
            if (t.Start < previousEnd || t.End <= t.Start || t.End > text.Length)
            {
                return false;
            }

            previousEnd = t.End;
        }

        return true;
    }

    [Property(MaxTest = 300)]
    public bool Tokenize_AnyText_TokensCoverEveryNonSpaceCharacter(NonNull<string> input)
    {
        string text = input.Get;
        var covered = new bool[text.Length];
        foreach (var t in Tokenizer.Default.Tokenize(text))
        {
            for (int i = t.Start; i < t.End; i++)
            {
                covered[i] = true;
            }
        }

        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool skippable = char.IsWhiteSpace(c) || char.IsControl(c) || c is '\uFEFF' or '\u200B';
            if (!covered[i] && !skippable)
            {
                return false;
            }
        }

        return true;
    }
}

public sealed class SentenceSplitterTests
{
    private static string[] Sentences(string text)
    {
        var tokens = Tokenizer.Default.Tokenize(text);
        return SentenceSplitter.Default.Split(text, tokens).Select(s => text[s.Span.Start..s.Span.End]).ToArray();
    }

    [Theory]
    [InlineData("He left. She stayed.", "He left.|She stayed.")]
    [InlineData("Dr. Smith met Mr. Jones on Jan. 5. They talked.", "Dr. Smith met Mr. Jones on Jan. 5.|They talked.")]
    [InlineData("He said: \"We will go.\" Then he left.", "He said: \"We will go.\"|Then he left.")]
    [InlineData("Talks in the U.S. The next round is due.", "Talks in the U.S.|The next round is due.")]
    [InlineData("Azerbaijani FM attends meeting\n\nThe minister spoke.", "Azerbaijani FM attends meeting|The minister spoke.")]
    [InlineData("Is it over? Yes! Done.", "Is it over?|Yes!|Done.")]
    [InlineData("The talks were held in the\ncapital on Friday.", "The talks were held in the\ncapital on Friday.")]
    public void Split_Text_FindsSentences(string text, string expected) =>
        Assert.Equal(expected, string.Join('|', Sentences(text)));

    [Fact]
    public void Split_HeadlineWithoutPunctuation_IsMarkedHeadline()
    {
        string text = "Leaders meet in Baku\n\nThe leaders met.";
        var sentences = SentenceSplitter.Default.Split(text, Tokenizer.Default.Tokenize(text));
        Assert.True(sentences[0].IsHeadline);
        Assert.False(sentences[1].IsHeadline);
    }

    [Property(MaxTest = 200)]
    public bool Split_AnyText_SentencesPartitionTokens(NonNull<string> input)
    {
        string text = input.Get;
        var tokens = Tokenizer.Default.Tokenize(text);
        var sentences = SentenceSplitter.Default.Split(text, tokens);
        int next = 0;
        foreach (var s in sentences)
        {
            if (s.TokenStart != next || s.TokenEnd <= s.TokenStart)
            {
                return false;
            }

            next = s.TokenEnd;
        }

        return next == tokens.Count;
    }
}

public sealed class DatelineTests
{
    [Theory]
    [InlineData("Title\n\n# 14 April 2023 23:20 (UTC +04:00)\n\nOn April 14...", null, 2023, 4, 14, "23:20", 4.0)]
    [InlineData("BAKU, April 14 (Reuters) - Azerbaijan said...", "BAKU", null, 4, 14, null, null)]
    [InlineData("KATHMANDU, Sept 9 \u2013 Nepal's Prime Minister resigned.", "KATHMANDU", null, 9, 9, null, null)]
    [InlineData("PESHAWAR, Pakistan, Jan 19 (Reuters) \u2013 A bomber struck.", "PESHAWAR", null, 1, 19, null, null)]
    [InlineData("ASTANA \u2013 Kazakh President sent a telegram.", "ASTANA", null, null, null, null, null)]
    [InlineData("Report\n14.04.2023\nText follows.", null, 2023, 4, 14, null, null)]
    public void Find_Dateline_ParsesParts(string text, string? city, int? year, int? month, int? day, string? time, double? offsetHours)
    {
        var dateline = DatelineReader.Find(text);
        Assert.NotNull(dateline);
        Assert.Equal(city, dateline.City);
        Assert.Equal(year, dateline.Year);
        Assert.Equal(month, dateline.Month);
        Assert.Equal(day, dateline.Day);
        Assert.Equal(time, dateline.Time?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(offsetHours, dateline.UtcOffset?.TotalHours);
        Assert.Equal(text[dateline.Span.Start..dateline.Span.End].Trim(), text[dateline.Span.Start..dateline.Span.End]);
    }

    [Fact]
    public void ResolveDate_WireDatelineWithoutYear_TakesYearFromMetadata()
    {
        var dateline = DatelineReader.Find("MOSCOW, Dec 26 (RIA Novosti) \u2013 Troops moved.")!;
        Assert.Equal(new DateOnly(2008, 12, 26), dateline.ResolveDate(new DateOnly(2008, 12, 26)));
        Assert.Equal(new DateOnly(2008, 12, 31), dateline.ResolveDate(null) ?? new DateOnly(2008, 12, 31));
    }

    [Fact]
    public void ResolveDate_DecemberDatelineReadInJanuary_IsPreviousYear() =>
        Assert.Equal(new DateOnly(2022, 12, 31), DatelineReader.Find("KYIV, Dec 31 \u2013 x")!.ResolveDate(new DateOnly(2023, 1, 2)));

    [Fact]
    public void Find_OrdinaryProse_HasNoDateline() =>
        Assert.Null(DatelineReader.Find("The minister said the talks went well."));
}

public sealed class LemmatizerTests
{
    [Theory]
    [InlineData("fired", "fire")]
    [InlineData("held", "hold")]
    [InlineData("talks", "talk")]
    [InlineData("accused", "accuse")]
    [InlineData("shelling", "shell")]
    [InlineData("casualties", "casualty")]
    [InlineData("servicemen", "serviceman")]
    public void Lemma_InflectedWord_GivesFirstBaseForm(string word, string expected) =>
        Assert.Equal(expected, Lemmatizer.Default.Lemma(word));

    [Theory]
    [InlineData("stopped", "stop")]
    [InlineData("fired", "fire")]
    [InlineData("firing", "fire")]
    [InlineData("met", "meet")]
    [InlineData("expelled", "expel")]
    [InlineData("cancelled", "cancel")]
    public void BaseForms_InflectedWord_IncludesLemma(string word, string lemma)
    {
        Span<char> buffer = stackalloc char[64];
        Span<Range> ranges = stackalloc Range[4];
        int n = Lemmatizer.Default.BaseForms(word, buffer, ranges);
        var forms = new List<string>();
        for (int i = 0; i < n; i++)
        {
            forms.Add(buffer[ranges[i]].ToString());
        }

        Assert.Contains(lemma, forms);
    }
}

public sealed class LongInputTests
{
    [Fact]
    public void Split_RunOnTextWithoutPunctuation_IsCutAtMaxTokens()
    {
        string text = string.Concat(Enumerable.Repeat("word ", 2000));
        var sentences = SentenceSplitter.Default.Split(text, Tokenizer.Default.Tokenize(text));
        Assert.All(sentences, s => Assert.True(s.TokenCount <= SentenceSplitter.MaxTokens));
        Assert.Equal(2000, sentences.Sum(s => s.TokenCount));
    }
}

public sealed class VocabularyTests
{
    [Theory]
    [InlineData("Erdoğan", "erdogan")]
    [InlineData("Côte d’Ivoire", "cote d'ivoire")]
    [InlineData("Malé", "male")]
    [InlineData("Ərdəbil", "ardabil")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Москва", "москва")]
    public void Fold_Word_RemovesLatinDiacriticsUnderInvariantGlobalization(string word, string expected) =>
        Assert.Equal(expected, Dyad.Text.Vocabulary.Fold(word));
}
