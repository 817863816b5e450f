using DanVan.Domain.Formatting;
using DanVan.Domain.Indicators;

namespace DanVan.Tests.Domain.Formatting;

public class NumberParsingTests
{
    private static decimal CountOf(string input)
    {
        var parsed = VietnameseNumberParser.Parse(input, ValueKind.Count);
        Assert.True(parsed.IsValid, parsed.Error);
        Assert.False(parsed.IsBlank);
        Assert.NotNull(parsed.Number);
        return parsed.Number.Value;
    }

    private static string ErrorOf(string input, ValueKind kind)
    {
        var parsed = VietnameseNumberParser.Parse(input, kind);
        Assert.False(parsed.IsValid, $"“{input}” was accepted as {parsed.Number}");
        Assert.Null(parsed.Number);
        Assert.False(parsed.IsBlank);
        Assert.NotNull(parsed.Error);
        AssertVietnamese(parsed.Error);
        return parsed.Error;
    }

    internal static void AssertVietnamese(string message)
    {
        // Vietnamese sentences carry diacritics; an English or technical message would not.
        Assert.Contains(message, c => c > 127 && char.IsLetter(c));
        Assert.DoesNotContain("Exception", message);
        Assert.DoesNotContain("Input string", message);
    }

    [Theory]
    [InlineData("50003", 50003)]
    [InlineData("50.003", 50003)]
    [InlineData("50 003", 50003)]
    [InlineData("50\u00A0003", 50003)] // non-breaking space, as Word pastes it
    [InlineData("50\u202F003", 50003)] // narrow non-breaking space
    [InlineData(" 28.262 ", 28262)]
    [InlineData("\u00A028.262\u00A0", 28262)]
    [InlineData("1.234.567", 1234567)]
    [InlineData("1 234 567", 1234567)]
    [InlineData("0", 0)]
    [InlineData("007", 7)]
    [InlineData("+5", 5)]
    [InlineData("999.999.999.999", 999999999999)]
    public void Counts_are_read_as_Vietnamese_staff_type_them(string input, long expected) =>
        Assert.Equal(expected, CountOf(input));

    [Theory]
    [InlineData("98,6", 98.6)]
    [InlineData("98,6%", 98.6)]
    [InlineData("98,6 %", 98.6)]
    [InlineData("100", 100)]
    [InlineData("100%", 100)]
    [InlineData("0", 0)]
    [InlineData("1", 1)]
    [InlineData("71,85", 71.85)]
    public void Percentages_use_a_decimal_comma(string input, double expected)
    {
        var parsed = VietnameseNumberParser.Parse(input, ValueKind.Percent);
        Assert.True(parsed.IsValid, parsed.Error);
        Assert.Equal((decimal)expected, parsed.Number);
    }

    [Fact]
    public void A_rate_of_98_comma_6_is_exactly_98_6_never_986() =>
        Assert.Equal(98.6m, VietnameseNumberParser.Parse("98,6", ValueKind.Percent).Number);

    [Fact]
    public void A_rate_typed_with_a_decimal_point_is_refused_with_a_hint_to_use_a_comma() =>
        Assert.Contains("dấu phẩy", ErrorOf("98.6", ValueKind.Percent));

    [Fact]
    public void A_count_of_98_point_6_is_refused_never_read_as_986() =>
        Assert.Contains("dấu chấm", ErrorOf("98.6", ValueKind.Count));

    [Theory]
    [InlineData("1,5")]
    [InlineData("1.234,5")]
    [InlineData("12,0")]
    public void A_count_with_a_decimal_comma_is_refused_because_counts_are_whole(string input) =>
        Assert.Equal("Số lượng phải là số nguyên (không có phần thập phân).", ErrorOf(input, ValueKind.Count));

    [Theory]
    [InlineData("-5")]
    [InlineData("−5")] // U+2212 minus sign
    [InlineData("- 5")]
    public void A_negative_count_is_refused(string input) =>
        Assert.Equal("Số lượng không được âm.", ErrorOf(input, ValueKind.Count));

    [Theory]
    [InlineData("abc")]
    [InlineData("12abc")]
    [InlineData("5 hồ sơ")]
    [InlineData("1.2345")]
    [InlineData("1.23")]
    [InlineData("50.0030")]
    [InlineData("1..000")]
    [InlineData(".5")]
    [InlineData("1 2345")]
    [InlineData("1e3")]
    public void Malformed_counts_are_refused(string input) =>
        ErrorOf(input, ValueKind.Count);

    // "0.500" is either half or five hundred; a thousands group never starts with 0, so it must be refused, not guessed.
    [Theory]
    [InlineData("0.500")]
    [InlineData("00.123")]
    public void A_count_whose_first_dot_group_is_zero_is_refused_never_read_as_thousands(string input) =>
        ErrorOf(input, ValueKind.Count);

    [Fact]
    public void Dot_groups_must_have_three_digits() =>
        Assert.Contains("28.262", ErrorOf("1.2345", ValueKind.Count));

    [Theory]
    [InlineData("1000000000000")] // 13 digits, one past the maximum
    [InlineData("1.000.000.000.000")]
    [InlineData("9999999999999999")] // 16 digits
    [InlineData("99999999999999999999999999999999999999")] // more than decimal can hold
    [InlineData("123456789012345678901234567890123456789012345")] // over 40 characters
    public void Huge_counts_are_refused(string input) =>
        Assert.StartsWith("Số quá lớn", ErrorOf(input, ValueKind.Count));

    [Fact]
    public void The_largest_count_is_accepted() =>
        Assert.Equal(VietnameseNumberParser.MaxCount, CountOf("999999999999"));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u00A0")]
    [InlineData("\t\n")]
    [InlineData(null)]
    public void Empty_input_is_blank_not_zero(string? input)
    {
        foreach (var kind in new[] { ValueKind.Count, ValueKind.Percent, ValueKind.YesNo, ValueKind.Text })
        {
            var parsed = VietnameseNumberParser.Parse(input, kind);
            Assert.True(parsed.IsBlank);
            Assert.True(parsed.IsValid);
            Assert.Null(parsed.Number);
            Assert.Null(parsed.Text);
        }
    }

    [Theory]
    [InlineData("100,1")]
    [InlineData("101")]
    [InlineData("150%")]
    public void A_rate_over_100_percent_is_refused(string input) =>
        Assert.Equal("Tỷ lệ phải từ 0 đến 100%.", ErrorOf(input, ValueKind.Percent));

    [Theory]
    [InlineData("-1")]
    [InlineData("-0,5%")]
    public void A_negative_rate_is_refused(string input) =>
        Assert.Equal("Tỷ lệ không được âm.", ErrorOf(input, ValueKind.Percent));

    [Theory]
    [InlineData("abc")]
    [InlineData("98,")]
    [InlineData(",5")]
    [InlineData("98,666")]
    [InlineData("1.000")]
    [InlineData("99999999999999999999999")]
    public void Malformed_rates_are_refused(string input) =>
        ErrorOf(input, ValueKind.Percent);

    [Theory]
    [InlineData("Có", 1)]
    [InlineData("có", 1)]
    [InlineData("CÓ", 1)]
    [InlineData("co", 1)]
    [InlineData(" Có ", 1)]
    [InlineData("x", 1)]
    [InlineData("1", 1)]
    [InlineData("Không", 0)]
    [InlineData("không", 0)]
    [InlineData("khong", 0)]
    [InlineData("KHÔNG", 0)]
    [InlineData("k", 0)]
    [InlineData("0", 0)]
    public void Yes_and_no_are_read_with_or_without_diacritics(string input, int expected)
    {
        var parsed = VietnameseNumberParser.Parse(input, ValueKind.YesNo);
        Assert.True(parsed.IsValid, parsed.Error);
        Assert.Equal(expected, parsed.Number);
    }

    [Fact]
    public void Decomposed_Vietnamese_input_is_read_like_composed_input()
    {
        var decomposed = "Không".Normalize(System.Text.NormalizationForm.FormD);
        Assert.Equal(0, VietnameseNumberParser.Parse(decomposed, ValueKind.YesNo).Number);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("2")]
    [InlineData("Đúng")]
    public void Anything_else_is_not_a_yes_or_no(string input) =>
        Assert.Equal("Vui lòng chọn Có hoặc Không.", ErrorOf(input, ValueKind.YesNo));

    [Fact]
    public void Text_is_trimmed_and_kept_in_composed_form()
    {
        var parsed = VietnameseNumberParser.Parse("  Ban Tiếp công dân ".Normalize(System.Text.NormalizationForm.FormD), ValueKind.Text);
        Assert.True(parsed.IsValid);
        Assert.Equal("Ban Tiếp công dân", parsed.Text);
        Assert.Null(parsed.Number);
    }

    [Fact]
    public void Text_longer_than_the_limit_is_refused() =>
        ErrorOf(new string('a', VietnameseNumberParser.MaxTextLength + 1), ValueKind.Text);

    [Fact]
    public void Text_at_the_limit_is_accepted() =>
        Assert.True(VietnameseNumberParser.Parse(new string('a', VietnameseNumberParser.MaxTextLength), ValueKind.Text).IsValid);
}
