using DanVan.Domain.Common;
using DanVan.Domain.Periods;

namespace DanVan.Tests.Domain.Periods;

public class ReportingPeriodTests
{
    [Fact]
    public void A_period_is_created_from_its_code_with_derived_dates()
    {
        var period = ReportingPeriod.Create(PeriodCode.Parse("2021-H1"), templateId: 3);

        Assert.Equal("2021-H1", period.Code);
        Assert.Equal(PeriodKind.HalfYear, period.Kind);
        Assert.Equal(2021, period.Year);
        Assert.Equal(0, period.Number);
        Assert.Equal("6 tháng đầu năm 2021", period.Name);
        Assert.Equal(new DateOnly(2020, 12, 15), period.CutoffFrom);
        Assert.Equal(new DateOnly(2021, 6, 14), period.CutoffTo);
        Assert.Equal(3, period.TemplateId);
        Assert.False(period.IsLocked);
        Assert.False(period.IsIllustrative);
        Assert.Equal(PeriodCode.Parse("2021-H1"), period.PeriodCode);
    }

    [Fact]
    public void Default_deadlines_follow_the_cutoff_end()
    {
        var period = ReportingPeriod.Create(PeriodCode.Parse("2021-Q2"), 1);
        Assert.Equal(new DateOnly(2021, 6, 14).AddDays(ReportingPeriod.DefaultUnitDeadlineDays), period.UnitDeadline);
        Assert.Equal(new DateOnly(2021, 6, 14).AddDays(ReportingPeriod.DefaultSendDeadlineDays), period.SendDeadline);
    }

    [Fact]
    public void A_month_period_keeps_its_number()
    {
        var period = ReportingPeriod.Create(PeriodCode.Parse("2022-M02"), 1);
        Assert.Equal(2, period.Number);
        Assert.Equal("tháng 02 năm 2022", period.Name);
        Assert.Equal("2022-M02", period.PeriodCode.ToString());
    }

    [Fact]
    public void Units_may_write_until_the_unit_deadline()
    {
        var period = ReportingPeriod.Create(PeriodCode.Parse("2021-H1"), 1);
        Assert.True(period.IsOpenForUnits(period.UnitDeadline));
        Assert.False(period.IsOpenForUnits(period.UnitDeadline.AddDays(1)));
        Assert.Equal(2, period.DaysToUnitDeadline(new DateOnly(2021, 6, 14)));
    }

    [Fact]
    public void A_locked_period_is_closed_to_units_until_reopened()
    {
        var period = ReportingPeriod.Create(PeriodCode.Parse("2021-H1"), 1);
        var today = new DateOnly(2021, 6, 1);
        period.Lock();
        Assert.False(period.IsOpenForUnits(today));
        period.Reopen();
        Assert.True(period.IsOpenForUnits(today));
    }

    [Fact]
    public void Deadlines_can_be_moved_in_order()
    {
        var period = ReportingPeriod.Create(PeriodCode.Parse("2021-H1"), 1);
        period.SetDeadlines(new DateOnly(2021, 6, 20), new DateOnly(2021, 6, 25));
        Assert.Equal(new DateOnly(2021, 6, 20), period.UnitDeadline);
        Assert.Equal(new DateOnly(2021, 6, 25), period.SendDeadline);
    }

    [Fact]
    public void A_send_deadline_before_the_unit_deadline_is_refused()
    {
        var period = ReportingPeriod.Create(PeriodCode.Parse("2021-H1"), 1);
        var ex = Assert.Throws<DomainException>(() => period.SetDeadlines(new DateOnly(2021, 6, 20), new DateOnly(2021, 6, 19)));
        Assert.Equal("Hạn gửi báo cáo không được trước hạn gửi của đơn vị.", ex.Message);
    }

    [Fact]
    public void A_unit_deadline_before_the_cutoff_start_is_refused() =>
        Assert.Throws<DomainException>(() =>
            ReportingPeriod.Create(PeriodCode.Parse("2021-H1"), 1).SetDeadlines(new DateOnly(2020, 12, 14), new DateOnly(2021, 6, 20)));

    [Fact]
    public void Deadline_problems_are_reported_per_field()
    {
        var period = ReportingPeriod.Create(PeriodCode.Parse("2021-H1"), 1);
        Assert.Equal((null, null), period.CheckDeadlines(new DateOnly(2021, 6, 16), new DateOnly(2021, 6, 20)));
        var (unit, send) = period.CheckDeadlines(new DateOnly(2020, 12, 1), new DateOnly(2020, 11, 30));
        Assert.Equal("Hạn gửi của đơn vị không được trước ngày bắt đầu chốt số liệu.", unit);
        Assert.Equal("Hạn gửi báo cáo không được trước hạn gửi của đơn vị.", send);
    }

    [Fact]
    public void Locking_a_locked_period_or_reopening_an_open_one_is_refused()
    {
        var period = ReportingPeriod.Create(PeriodCode.Parse("2021-H1"), 1);
        Assert.Equal("Kỳ báo cáo đang mở, không cần mở lại.", Assert.Throws<DomainException>(period.Reopen).Message);
        period.Lock();
        Assert.Equal("Kỳ báo cáo đã khóa.", Assert.Throws<DomainException>(period.Lock).Message);
    }

    [Fact]
    public void Every_change_renews_the_concurrency_token()
    {
        var period = ReportingPeriod.Create(PeriodCode.Parse("2021-H1"), 1);
        var seen = new HashSet<Guid> { period.Version };
        period.SetDeadlines(new DateOnly(2021, 6, 20), new DateOnly(2021, 6, 25));
        Assert.True(seen.Add(period.Version));
        period.Lock();
        Assert.True(seen.Add(period.Version));
        period.Reopen();
        Assert.True(seen.Add(period.Version));
        period.Enrol([4]);
        Assert.True(seen.Add(period.Version));
    }

    [Fact]
    public void Enrolling_units_records_each_once()
    {
        var period = ReportingPeriod.Create(PeriodCode.Parse("2021-H1"), 1);
        Assert.Equal([2, 3], period.Enrol([2, 3, 2]));
        Assert.Equal([5], period.Enrol([3, 5]));
        Assert.Equal([2, 3, 5], period.Participants.Select(p => p.UnitId));
        var version = period.Version;
        Assert.Empty(period.Enrol([2]));
        Assert.Equal(version, period.Version);
    }
}
