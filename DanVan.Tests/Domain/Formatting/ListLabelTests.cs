using DanVan.Domain.Formatting;

namespace DanVan.Tests.Domain.Formatting;

public class ListLabelTests
{
    [Fact]
    public void Roman_numerals_one_to_twenty()
    {
        string[] expected =
        [
            "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
            "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
        ];
        Assert.Equal(expected, Enumerable.Range(1, 20).Select(ListLabels.Roman));
    }

    [Theory]
    [InlineData(40, "XL")]
    [InlineData(90, "XC")]
    [InlineData(400, "CD")]
    [InlineData(1994, "MCMXCIV")]
    [InlineData(2024, "MMXXIV")]
    [InlineData(3999, "MMMCMXCIX")]
    public void Roman_numerals_use_subtractive_pairs(int number, string expected) =>
        Assert.Equal(expected, ListLabels.Roman(number));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(4000)]
    public void Roman_numerals_outside_one_to_3999_are_refused(int number) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ListLabels.Roman(number));

    [Fact]
    public void Letters_follow_the_Vietnamese_list_order()
    {
        string[] expected =
            ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"];
        Assert.Equal(23, ListLabels.Letters.Count);
        Assert.Equal(expected, ListLabels.Letters);
        Assert.Equal(expected, Enumerable.Range(1, 23).Select(ListLabels.Letter));
    }

    [Fact]
    public void The_letters_have_no_f_j_w_or_z()
    {
        foreach (var missing in new[] { "f", "j", "w", "z" }) Assert.DoesNotContain(missing, ListLabels.Letters);
    }

    [Theory]
    [InlineData(4, "d")]
    [InlineData(5, "đ")]
    [InlineData(6, "e")]
    [InlineData(7, "g")]
    [InlineData(23, "y")]
    public void D_is_followed_by_dd_then_e_then_g(int number, string expected) =>
        Assert.Equal(expected, ListLabels.Letter(number));

    [Theory]
    [InlineData(24, "aa")]
    [InlineData(25, "ab")]
    [InlineData(28, "ađ")]
    [InlineData(46, "ay")]
    [InlineData(47, "ba")]
    public void Past_y_letters_double_like_spreadsheet_columns(int number, string expected) =>
        Assert.Equal(expected, ListLabels.Letter(number));

    [Fact]
    public void Letters_never_repeat_over_the_first_thousand_items()
    {
        var labels = Enumerable.Range(1, 1000).Select(ListLabels.Letter).ToList();
        Assert.Equal(labels.Count, labels.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Letter_zero_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ListLabels.Letter(0));

    [Theory]
    [InlineData(0, 1, "I.")]
    [InlineData(0, 4, "IV.")]
    [InlineData(0, 5, "V.")]
    [InlineData(1, 1, "1.")]
    [InlineData(1, 12, "12.")]
    [InlineData(2, 1, "a)")]
    [InlineData(2, 5, "đ)")]
    [InlineData(2, 7, "g)")]
    [InlineData(3, 1, "-")]
    [InlineData(7, 3, "-")]
    public void Each_outline_level_has_its_own_label(int depth, int number, string expected) =>
        Assert.Equal(expected, ListLabels.ForLevel(depth, number));

    [Fact]
    public void Section_II_three_of_the_model_is_lettered_a_to_g_without_repeats() =>
        Assert.Equal("a) b) c) d) đ) e) g)", string.Join(" ", Enumerable.Range(1, 7).Select(n => ListLabels.ForLevel(2, n))));
}
