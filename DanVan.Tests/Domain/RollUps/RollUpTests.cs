using DanVan.Domain.Expressions;
using DanVan.Domain.Indicators;
using DanVan.Domain.Periods;
using DanVan.Domain.RollUps;

namespace DanVan.Tests.Domain.RollUps;

public sealed class RollUpTests
{
    private static readonly PeriodCode H1 = PeriodCode.Parse("2027-H1");

    private static List<(PeriodCode, decimal?)> Months(params decimal?[] values) =>
        [.. PeriodComposition.MonthsOf(H1).Zip(values, (p, v) => (p, v))];

    [Fact]
    public void The_months_of_a_half_year_cover_its_cut_off_exactly_across_the_year_boundary()
    {
        var months = PeriodComposition.MonthsOf(H1);
        Assert.Equal(6, months.Count);
        Assert.Equal(new DateOnly(2026, 12, 15), months[0].Cutoff.From);
        Assert.Equal(H1.Cutoff.From, months[0].Cutoff.From);
        Assert.Equal(H1.Cutoff.To, months[^1].Cutoff.To);
        for (var i = 1; i < months.Count; i++) Assert.Equal(months[i - 1].Cutoff.To.AddDays(1), months[i].Cutoff.From);
        Assert.Equal(["2027-Q1", "2027-Q2"], PeriodComposition.QuartersOf(H1).Select(q => q.ToString()));
        Assert.Equal(9, PeriodComposition.MonthsOf(PeriodCode.Parse("2027-9M")).Count);
        Assert.Equal(PeriodCode.Parse("2027-Y").Cutoff.To, PeriodComposition.MonthsOf(PeriodCode.Parse("2027-Y"))[^1].Cutoff.To);
    }

    [Fact]
    public void Flows_are_summed_opening_stock_is_the_first_month_and_closing_stock_the_last()
    {
        var months = Months(10, 20, 30, 40, 50, 60);
        Assert.Equal(210, RollUp.Figure(IndicatorNature.Flow, months).Value);
        Assert.Equal(10, RollUp.Figure(IndicatorNature.OpeningStock, months).Value);
        Assert.Equal(60, RollUp.Figure(IndicatorNature.ClosingStock, months).Value);
        Assert.Equal(60, RollUp.Figure(IndicatorNature.Descriptive, months).Value);
        Assert.Null(RollUp.Figure(IndicatorNature.Rate, months).Value);
    }

    [Fact]
    public void A_flow_with_a_month_missing_is_not_prefilled_and_says_which_month()
    {
        var figure = RollUp.Figure(IndicatorNature.Flow, Months(10, 20, null, 40, 50, 60));
        Assert.Null(figure.Value);
        Assert.Equal("2027-M03", Assert.Single(figure.Missing).ToString());
        Assert.Equal(6, figure.Used.Count);
        // A closing stock needs only the last month.
        Assert.Equal(60, RollUp.Figure(IndicatorNature.ClosingStock, Months(10, 20, null, 40, 50, 60)).Value);
    }

    [Fact]
    public void A_total_defined_as_a_sum_is_recomputed_from_the_rolled_up_parts_not_added_month_by_month()
    {
        // Each month: carried over (opening) + new = total. Summing the monthly totals would count carry-overs six times.
        var opening = RollUp.Figure(IndicatorNature.OpeningStock, Months(100, 90, 80, 70, 60, 50)).Value;
        var added = RollUp.Figure(IndicatorNature.Flow, Months(5, 5, 5, 5, 5, 5)).Value;
        var monthlyTotals = RollUp.Figure(IndicatorNature.Flow, Months(105, 95, 85, 75, 65, 55)).Value;
        var rolled = new Dictionary<string, decimal?> { ["HS.SO.KYTRUOC"] = opening, ["HS.SO.MOI"] = added, ["HS.SO.TONG"] = monthlyTotals };
        var totals = new Dictionary<string, Expr> { ["HS.SO.TONG"] = ExpressionParser.Parse("HS.SO.KYTRUOC + HS.SO.MOI") };
        Assert.Equal(130, RollUp.RecomputeTotals(rolled, totals)["HS.SO.TONG"]);
        Assert.Equal(480, monthlyTotals);
    }
}
