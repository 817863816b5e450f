using System.Globalization;
using DanVan.Domain.Formatting;

namespace DanVan.Tests.Domain.Formatting;

public class NumberFormattingTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(7, "7")]
    [InlineData(999, "999")]
    [InlineData(1000, "1.000")]
    [InlineData(1251, "1.251")]
    [InlineData(50003, "50.003")]
    [InlineData(100000, "100.000")]
    [InlineData(1234567, "1.234.567")]
    [InlineData(999999999999, "999.999.999.999")]
    public void Whole_numbers_group_thousands_with_a_dot(long value, string expected) =>
        Assert.Equal(expected, VietnameseFormat.Number(value));

    [Theory]
    [InlineData(-5, "-5")]
    [InlineData(-1000, "-1.000")]
    [InlineData(-1234567, "-1.234.567")]
    public void Negative_numbers_keep_the_sign_before_the_grouped_digits(long value, string expected) =>
        Assert.Equal(expected, VietnameseFormat.Number(value));

    [Fact]
    public void Decimals_use_a_comma_and_drop_trailing_zeros()
    {
        Assert.Equal("1.234,5", VietnameseFormat.Number(1234.5m, 2));
        Assert.Equal("1.234,57", VietnameseFormat.Number(1234.567m, 2));
        Assert.Equal("12", VietnameseFormat.Number(12.00m, 2));
        Assert.Equal("0,5", VietnameseFormat.Number(0.5m, 1));
    }

    [Fact]
    public void Without_decimals_a_fraction_is_rounded_half_away_from_zero()
    {
        Assert.Equal("3", VietnameseFormat.Number(2.5m));
        Assert.Equal("-3", VietnameseFormat.Number(-2.5m));
        Assert.Equal("1.000", VietnameseFormat.Number(999.5m));
    }

    [Fact]
    public void A_negative_value_that_rounds_to_zero_has_no_minus_sign() =>
        Assert.Equal("0", VietnameseFormat.Number(-0.4m));

    [Fact]
    public void Trailing_zeros_of_the_decimal_scale_are_not_shown() =>
        Assert.Equal("50.003", VietnameseFormat.Number(50003.000m));

    [Fact]
    public void The_current_culture_never_changes_a_figure()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("en-US");
            Assert.Equal("1.234.567", VietnameseFormat.Number(1234567));
            Assert.Equal("98,6%", VietnameseFormat.Percent(98.6m));
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal("1.234,5", VietnameseFormat.Number(1234.5m, 1));
            Assert.Equal("ngày 07 tháng 6 năm 2021", VietnameseFormat.LongDate(new DateOnly(2021, 6, 7)));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData(0, "00")]
    [InlineData(2, "02")]
    [InlineData(5, "05")]
    [InlineData(9, "09")]
    [InlineData(10, "10")]
    [InlineData(23, "23")]
    [InlineData(1251, "1.251")]
    public void Count_with_leading_zero_pads_single_digits_only(int value, string expected) =>
        Assert.Equal(expected, VietnameseFormat.Count(value, leadingZero: true));

    [Theory]
    [InlineData(2, "2")]
    [InlineData(10, "10")]
    [InlineData(50003, "50.003")]
    public void Count_without_leading_zero_is_a_plain_number(int value, string expected) =>
        Assert.Equal(expected, VietnameseFormat.Count(value));

    [Fact]
    public void Count_with_leading_zero_leaves_negative_and_fractional_values_unpadded()
    {
        Assert.Equal("-2", VietnameseFormat.Count(-2, leadingZero: true));
        Assert.Equal("3", VietnameseFormat.Count(2.5m, leadingZero: true));
    }

    [Fact]
    public void Yes_and_no_are_written_in_Vietnamese()
    {
        Assert.Equal("Có", VietnameseFormat.YesNo(true));
        Assert.Equal("Không", VietnameseFormat.YesNo(false));
    }

    [Fact]
    public void A_missing_figure_is_printed_as_an_ellipsis() =>
        Assert.Equal("…", VietnameseFormat.Missing);
}
