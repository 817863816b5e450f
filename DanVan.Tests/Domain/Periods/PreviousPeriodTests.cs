using DanVan.Domain.Periods;

namespace DanVan.Tests.Domain.Periods;

/// <remarks>
/// PreviousPeriod.Of leaves out candidates whose Id equals the period's own Id. Periods made by
/// ReportingPeriod.Create all have Id 0 until saved, so every period here is given a distinct Id as the database would.
/// </remarks>
public class PreviousPeriodTests
{
    private static int _nextId = 100;

    private static ReportingPeriod Saved(string code) =>
        ReportingPeriod.Create(PeriodCode.Parse(code), templateId: 1).WithId(Interlocked.Increment(ref _nextId));

    [Fact]
    public void The_longest_period_ending_the_day_before_wins_when_no_candidate_has_the_same_kind()
    {
        var year = Saved("2020-Y");
        var candidates = new[] { Saved("2020-Q4"), Saved("2020-M12"), year, Saved("2020-H1") };

        Assert.Same(year, PreviousPeriod.Of(Saved("2021-H1"), candidates));
    }

    [Fact]
    public void The_year_before_a_year_is_the_previous_year()
    {
        var year = Saved("2020-Y");
        Assert.Same(year, PreviousPeriod.Of(Saved("2021-Y"), [Saved("2020-Q4"), Saved("2020-M12"), year]));
    }

    [Fact]
    public void A_period_of_the_same_kind_wins_over_a_longer_one()
    {
        var q1 = Saved("2021-Q1");
        Assert.Same(q1, PreviousPeriod.Of(Saved("2021-Q2"), [Saved("2021-M03"), q1]));
    }

    [Fact]
    public void The_month_before_January_is_December_of_the_year_before()
    {
        var december = Saved("2020-M12");
        Assert.Same(december, PreviousPeriod.Of(Saved("2021-M01"), [Saved("2020-Y"), Saved("2020-Q4"), december]));
    }

    [Fact]
    public void A_month_follows_the_month_before_within_a_year()
    {
        var february = Saved("2021-M02");
        Assert.Same(february, PreviousPeriod.Of(Saved("2021-M03"), [Saved("2021-M01"), february, Saved("2021-M04")]));
    }

    [Fact]
    public void The_second_half_year_report_of_2022_looks_back_at_2021()
    {
        var year = Saved("2021-Y");
        Assert.Same(year, PreviousPeriod.Of(Saved("2022-H1"), [Saved("2021-H1"), Saved("2021-9M"), year]));
    }

    [Fact]
    public void Without_a_period_ending_the_day_before_there_is_none()
    {
        Assert.Null(PreviousPeriod.Of(Saved("2021-H1"), []));
        Assert.Null(PreviousPeriod.Of(Saved("2021-H1"), [Saved("2020-H1"), Saved("2019-Y"), Saved("2021-Q1")]));
        Assert.Null(PreviousPeriod.Of(Saved("2021-Q2"), [Saved("2021-M02"), Saved("2021-Q3")]));
    }

    [Fact]
    public void A_candidate_with_the_periods_own_id_is_left_out()
    {
        var period = Saved("2021-H1");
        var sameRow = ReportingPeriod.Create(PeriodCode.Parse("2020-Y"), 1).WithId(period.Id);
        Assert.Null(PreviousPeriod.Of(period, [sameRow]));
    }

    [Fact]
    public void The_period_itself_among_the_candidates_does_not_matter()
    {
        var period = Saved("2021-Q2");
        var q1 = Saved("2021-Q1");
        Assert.Same(q1, PreviousPeriod.Of(period, [period, q1]));
    }

    [Fact]
    public void An_unsaved_period_finds_its_previous_among_saved_ones()
    {
        var unsaved = ReportingPeriod.Create(PeriodCode.Parse("2021-Y"), 1);
        Assert.Equal(0, unsaved.Id);
        var year = Saved("2020-Y");
        Assert.Same(year, PreviousPeriod.Of(unsaved, [year]));
    }
}
