using DanVan.Domain.Comparisons;
using DanVan.Domain.Indicators;
using DanVan.Domain.Periods;

namespace DanVan.Tests.Domain.Comparisons;

public sealed class ComparablePeriodsTests
{
    private static readonly PeriodCode H1_2021 = PeriodCode.Parse("2021-H1");

    [Fact]
    public void A_half_year_flow_compares_with_the_same_half_a_year_earlier_and_the_derived_second_half_never_the_whole_year()
    {
        Assert.Equal("2020-H1", ComparablePeriods.YearEarlier(H1_2021, IndicatorNature.Flow)!.Code.ToString());
        var preceding = ComparablePeriods.Preceding(H1_2021, IndicatorNature.Flow)!;
        Assert.True(preceding.IsDerived);
        Assert.Null(preceding.Code);
        Assert.Equal("6 tháng cuối năm 2020", preceding.Name);
    }

    [Fact]
    public void The_derived_second_half_is_the_year_minus_its_first_half_and_unknown_when_either_is_missing()
    {
        var second = ComparablePeriod.SecondHalfOf(2020);
        var stored = new Dictionary<string, decimal?> { ["2020-Y"] = 84_308, ["2020-H1"] = 43_416 };
        Assert.Equal(40_892, ComparablePeriods.ValueIn(second, c => stored.GetValueOrDefault(c.ToString())));
        Assert.Null(ComparablePeriods.ValueIn(second, c => c.ToString() == "2020-Y" ? 84_308 : null));
    }

    [Fact]
    public void A_closing_stock_compares_with_the_end_of_the_period_before_whatever_its_length()
    {
        Assert.Equal("2020-Y", ComparablePeriods.Preceding(H1_2021, IndicatorNature.ClosingStock)!.Code.ToString());
        Assert.Equal("2021-H1", ComparablePeriods.Preceding(PeriodCode.Parse("2021-9M"), IndicatorNature.ClosingStock)!.Code.ToString());
    }

    [Theory]
    [InlineData("2021-Y", "2020-Y")]
    [InlineData("2021-Q1", "2020-Q4")]
    [InlineData("2021-Q3", "2021-Q2")]
    [InlineData("2027-M01", "2026-M12")]
    [InlineData("2027-M07", "2027-M06")]
    public void Years_quarters_and_months_compare_with_the_one_just_before(string period, string expected) =>
        Assert.Equal(expected, ComparablePeriods.Preceding(PeriodCode.Parse(period), IndicatorNature.Flow)!.Code.ToString());

    [Fact]
    public void Nine_months_have_no_preceding_flow_and_text_compares_with_nothing()
    {
        Assert.Null(ComparablePeriods.Preceding(PeriodCode.Parse("2021-9M"), IndicatorNature.Flow));
        Assert.Null(ComparablePeriods.YearEarlier(H1_2021, IndicatorNature.Descriptive));
        Assert.Null(ComparablePeriods.Preceding(H1_2021, IndicatorNature.Descriptive));
    }
}
