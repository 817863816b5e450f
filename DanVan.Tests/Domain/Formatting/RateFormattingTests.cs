using DanVan.Domain.Formatting;

namespace DanVan.Tests.Domain.Formatting;

public class RateFormattingTests
{
    [Theory]
    [InlineData(28509, 28916, "98,6%")] // HS.SO đúng hạn
    [InlineData(407, 28916, "1,4%")] // HS.SO trễ hạn
    [InlineData(12154, 15964, "76,1%")] // HS.DD đúng hạn
    [InlineData(6286, 8753, "71,8%")] // HS.DKDD đúng hạn (the model report typed 72%)
    [InlineData(20739, 20782, "99,8%")] // hài lòng
    [InlineData(2, 2, "100%")] // VU.GQ / VU.TONG
    [InlineData(0, 5, "0%")]
    [InlineData(1, 3, "33,3%")]
    [InlineData(2, 3, "66,7%")]
    public void Rates_of_the_model_report_have_one_decimal_and_a_comma(int part, int whole, string expected)
    {
        var rate = VietnameseFormat.Rate(part, whole);
        Assert.NotNull(rate);
        Assert.Equal(expected, VietnameseFormat.Percent(rate.Value));
    }

    [Fact]
    public void A_rate_over_a_zero_whole_is_blank_not_zero()
    {
        Assert.Null(VietnameseFormat.Rate(0, 0));
        Assert.Null(VietnameseFormat.Rate(5, 0));
    }

    [Fact]
    public void Rate_is_the_part_as_a_percentage_of_the_whole() =>
        Assert.Equal(25m, VietnameseFormat.Rate(1, 4));

    [Theory]
    [InlineData("98.6", "98,6%")]
    [InlineData("100", "100%")]
    [InlineData("100.0", "100%")]
    [InlineData("1", "1%")]
    [InlineData("0", "0%")]
    [InlineData("71.85", "71,9%")]
    [InlineData("71.84", "71,8%")]
    [InlineData("0.05", "0,1%")]
    public void Percent_rounds_half_away_from_zero_to_one_decimal_and_drops_a_zero_decimal(string percent, string expected) =>
        Assert.Equal(expected, VietnameseFormat.Percent(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Percent_has_no_space_before_the_sign() =>
        Assert.DoesNotContain(" ", VietnameseFormat.Percent(98.6m));

    [Fact]
    public void Rounding_a_rate_keeps_one_decimal() =>
        Assert.Equal(98.6m, VietnameseFormat.RoundRate(98.5923m));
}
