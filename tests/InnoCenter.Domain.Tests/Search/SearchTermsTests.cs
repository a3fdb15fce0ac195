using InnoCenter.Domain.Search;

namespace InnoCenter.Domain.Tests.Search;

public sealed class SearchTermsTests
{
    private static string[] Tokens(params string?[] texts) => SearchTerms.ForIndex(texts).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Chinese_is_cut_into_overlapping_bigrams()
    {
        Assert.Equal(["中心", "创新", "新中"], Tokens("创新中心"));
    }

    [Fact]
    public void Ascii_words_are_lowercased_trigrams_with_their_last_bigram_and_separators_split_runs()
    {
        Assert.Equal(["1a4", "91a", "a4"], Tokens("91A4"));
        Assert.Equal(["ht", "科技"], Tokens("HT-科技"));
    }

    [Fact]
    public void Mixed_text_splits_where_ascii_meets_chinese_and_single_characters_are_not_tokens()
    {
        Assert.Equal(["5g", "通信"], Tokens("5G通信"));
        Assert.Empty(Tokens("中 a 国"));
    }

    [Fact]
    public void A_one_character_query_has_no_terms_so_the_caller_scans()
    {
        Assert.Empty(SearchTerms.ForQuery("中"));
        Assert.Empty(SearchTerms.ForQuery(" a "));
        Assert.Empty(SearchTerms.ForQuery(null));
    }

    [Fact]
    public void Two_ascii_characters_are_a_prefix_term_and_longer_ones_exact_trigrams()
    {
        Assert.Equal([new SearchTerms.Term("zl", true)], SearchTerms.ForQuery("ZL"));
        Assert.Equal([new SearchTerms.Term("202", false), new SearchTerms.Term("023", false)], SearchTerms.ForQuery("2023"));
        Assert.Equal([new SearchTerms.Term("创新", false), new SearchTerms.Term("新中", false)], SearchTerms.ForQuery("创新中"));
    }

    [Fact]
    public void Surrogate_pairs_count_as_one_character()
    {
        Assert.Equal(["𠀀中"], Tokens("𠀀中"));
    }

    [Theory]
    [InlineData("天津市滨海新区智能装备有限公司", "智能")]
    [InlineData("天津市滨海新区智能装备有限公司", "能装备")]
    [InlineData("91120116MA05K0XR3B", "ma05k")]
    [InlineData("ZL202310001234.5", "L20231")]
    [InlineData("ZL202310001234.5", "34")]
    [InlineData("ZL202310001234.5", "34.5")]
    [InlineData("TCL科技集团", "CL科技")]
    [InlineData("合同 HT-2026-001 号", "HT-2026")]
    public void Every_term_of_a_contained_query_is_in_the_texts_tokens(string text, string query)
    {
        Assert.Contains(query.ToLowerInvariant(), text.ToLowerInvariant());
        Assert.True(Holds(text, query));
    }

    /// <summary>The index's contract, for any text: a query it contains never misses it (the index gives a superset).</summary>
    [Fact]
    public void Any_substring_of_any_text_is_held_by_the_texts_tokens()
    {
        var random = new Random(20261205);
        const string alphabet = "创新中心科技天津aAbB0123-. 、";
        for (var n = 0; n < 3000; n++)
        {
            var text = new string(Enumerable.Range(0, random.Next(1, 25)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var start = random.Next(text.Length);
            var query = text.Substring(start, random.Next(1, text.Length - start + 1));
            Assert.True(Holds(text, query), $"'{text}' contains '{query}' but its tokens miss a term");
        }
    }

    private static bool Holds(string text, string query)
    {
        var tokens = Tokens(text);
        return SearchTerms.ForQuery(query).All(t => t.Prefix ? tokens.Any(k => k.StartsWith(t.Text, StringComparison.Ordinal)) : tokens.Contains(t.Text));
    }
}
