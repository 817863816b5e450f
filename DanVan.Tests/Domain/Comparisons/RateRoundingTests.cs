using DanVan.Domain.Formatting;

namespace DanVan.Tests.Domain.Comparisons;

public sealed class RateRoundingTests
{
    [Theory]
    [InlineData(79, 1, "79,0%")]
    [InlineData(98.65, 1, "98,7%")]
    [InlineData(98.64, 1, "98,6%")]
    [InlineData(99.705, 2, "99,71%")]
    [InlineData(99.7049, 2, "99,70%")]
    [InlineData(100, 1, "100,0%")]
    [InlineData(0.05, 1, "0,1%")]
    [InlineData(-0.05, 1, "-0,1%")]
    [InlineData(12.5, 0, "13%")]
    public void A_computed_rate_always_has_its_decimals_rounded_half_away_from_zero(decimal value, int decimals, string expected) =>
        Assert.Equal(expected, VietnameseFormat.ComputedRate(value, decimals));
}
