using DanVan.Domain.Periods;

namespace DanVan.Tests.Domain.Periods;

public class CutoffCalendarTests
{
    [Theory]
    [InlineData("2021-H1", "2020-12-15", "2021-06-14")]
    [InlineData("2021-Y", "2020-12-15", "2021-12-14")]
    [InlineData("2021-9M", "2020-12-15", "2021-09-14")]
    [InlineData("2021-Q1", "2020-12-15", "2021-03-14")]
    [InlineData("2021-Q2", "2021-03-15", "2021-06-14")]
    [InlineData("2021-Q3", "2021-06-15", "2021-09-14")]
    [InlineData("2021-Q4", "2021-09-15", "2021-12-14")]
    [InlineData("2021-M01", "2020-12-15", "2021-01-14")]
    [InlineData("2021-M02", "2021-01-15", "2021-02-14")]
    [InlineData("2021-M03", "2021-02-15", "2021-03-14")]
    [InlineData("2021-M04", "2021-03-15", "2021-04-14")]
    [InlineData("2021-M05", "2021-04-15", "2021-05-14")]
    [InlineData("2021-M06", "2021-05-15", "2021-06-14")]
    [InlineData("2021-M07", "2021-06-15", "2021-07-14")]
    [InlineData("2021-M08", "2021-07-15", "2021-08-14")]
    [InlineData("2021-M09", "2021-08-15", "2021-09-14")]
    [InlineData("2021-M10", "2021-09-15", "2021-10-14")]
    [InlineData("2021-M11", "2021-10-15", "2021-11-14")]
    [InlineData("2021-M12", "2021-11-15", "2021-12-14")]
    [InlineData("2022-H1", "2021-12-15", "2022-06-14")]
    [InlineData("2000-M01", "1999-12-15", "2000-01-14")]
    public void Cutoff_follows_decree_09_2019_article_12(string code, string from, string to)
    {
        var range = CutoffCalendar.RangeOf(PeriodCode.Parse(code));
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), range.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), range.To);
        Assert.Equal(range, PeriodCode.Parse(code).Cutoff);
    }

    [Theory]
    [MemberData(nameof(PeriodCodeTests.AllKindsOfCodes), MemberType = typeof(PeriodCodeTests))]
    public void Every_range_runs_from_a_15th_to_a_14th(string code)
    {
        var (from, to) = CutoffCalendar.RangeOf(PeriodCode.Parse(code));
        Assert.Equal(15, from.Day);
        Assert.Equal(14, to.Day);
        Assert.True(from < to);
    }

    [Theory]
    [InlineData("H1")]
    [InlineData("9M")]
    [InlineData("Y")]
    [InlineData("Q1")]
    [InlineData("M01")]
    public void The_first_period_of_a_year_starts_on_15_December_of_the_year_before(string token)
    {
        for (var year = 2000; year <= 2100; year++)
        {
            Assert.Equal(new DateOnly(year - 1, 12, 15), PeriodCode.FromKindToken(token, year).Cutoff.From);
        }
    }

    [Fact]
    public void Months_tile_the_calendar_without_gaps_or_overlaps()
    {
        var previousEnd = PeriodCode.Parse("2019-M12").Cutoff.To;
        for (var year = 2020; year <= 2024; year++)
        {
            for (var month = 1; month <= 12; month++)
            {
                var (from, to) = new PeriodCode(year, PeriodKind.Month, month).Cutoff;
                Assert.Equal(previousEnd.AddDays(1), from);
                previousEnd = to;
            }
        }
    }

    [Fact]
    public void Quarters_tile_the_calendar_and_each_spans_its_three_months()
    {
        var previousEnd = PeriodCode.Parse("2019-Q4").Cutoff.To;
        for (var year = 2020; year <= 2024; year++)
        {
            for (var quarter = 1; quarter <= 4; quarter++)
            {
                var (from, to) = new PeriodCode(year, PeriodKind.Quarter, quarter).Cutoff;
                Assert.Equal(previousEnd.AddDays(1), from);
                Assert.Equal(new PeriodCode(year, PeriodKind.Month, quarter * 3 - 2).Cutoff.From, from);
                Assert.Equal(new PeriodCode(year, PeriodKind.Month, quarter * 3).Cutoff.To, to);
                previousEnd = to;
            }
        }
    }

    [Fact]
    public void Years_tile_the_calendar()
    {
        for (var year = 2001; year <= 2100; year++)
        {
            Assert.Equal(new PeriodCode(year - 1, PeriodKind.Year).Cutoff.To.AddDays(1), new PeriodCode(year, PeriodKind.Year).Cutoff.From);
        }
    }

    [Fact]
    public void Half_year_nine_months_and_year_end_with_Q2_Q3_and_Q4()
    {
        Assert.Equal(PeriodCode.Parse("2021-Q2").Cutoff.To, PeriodCode.Parse("2021-H1").Cutoff.To);
        Assert.Equal(PeriodCode.Parse("2021-Q3").Cutoff.To, PeriodCode.Parse("2021-9M").Cutoff.To);
        Assert.Equal(PeriodCode.Parse("2021-Q4").Cutoff.To, PeriodCode.Parse("2021-Y").Cutoff.To);
    }
}
