using DanVan.Domain.Auditing;
using DanVan.Domain.Common;
using DanVan.Domain.Submissions;
using static DanVan.Tests.Domain.Submissions.SubmissionFixture;

namespace DanVan.Tests.Domain.Submissions;

/// <summary>An admin's lock of one unit's sheet in a period, and the reopen that lifts it.</summary>
public class SubmissionLockTests
{
    private static readonly DateOnly Today = new(2021, 6, 10);

    [Fact]
    public void A_locked_sheet_refuses_every_unit_write_even_while_the_period_is_open()
    {
        var s = Filled();
        var audit = s.Lock("admin", T0, "Đơn vị sáp nhập, chờ quyết định.");

        Assert.True(s.IsLocked);
        Assert.False(s.IsOpenForUnit(periodOpen: true, Today));
        Assert.Equal(AuditActions.SubmissionLocked, audit.Action);
        Assert.Equal("Đơn vị sáp nhập, chờ quyết định.", audit.Reason);
        Assert.Equal((PeriodId, CentreUnitId), (audit.PeriodId, audit.UnitId));
        Assert.Throws<DomainException>(() => s.SetValue(Total, 19396, null, "canbo", T0));
        Assert.Throws<DomainException>(() => s.SetNarrative("II.3", "x", "canbo", T0));
        Assert.Throws<DomainException>(() => s.Submit(Required, [], NoExplanations, "canbo", T0));
        Assert.Equal(19388, s.ValueOf(Total.Id)!.Number);
    }

    [Fact]
    public void A_lock_needs_a_reason_and_is_not_repeated()
    {
        var s = Start();
        Assert.Equal("Cần ghi lý do khóa.", Assert.Throws<DomainException>(() => s.Lock("admin", T0, " ")).Message);
        s.Lock("admin", T0, "Khóa để đối chiếu.");
        Assert.Throws<DomainException>(() => s.Lock("admin", T0, "Lần nữa."));
    }

    [Fact]
    public void A_reopen_lifts_the_lock_until_its_day()
    {
        var s = Filled();
        s.Lock("admin", T0, "Khóa để đối chiếu.");
        var version = s.Version;

        s.Reopen(Today.AddDays(3), "admin", T0.AddHours(1), "Đã đối chiếu xong.");

        Assert.False(s.IsLocked);
        Assert.NotEqual(version, s.Version);
        Assert.True(s.IsOpenForUnit(periodOpen: false, Today.AddDays(3)));
        Assert.False(s.IsOpenForUnit(periodOpen: false, Today.AddDays(4)));
        Assert.NotNull(s.SetValue(Total, 19396, null, "canbo", T0.AddHours(2)));
    }
}
