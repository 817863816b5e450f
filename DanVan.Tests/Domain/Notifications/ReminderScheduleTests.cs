using DanVan.Domain.Notifications;

namespace DanVan.Tests.Domain.Notifications;

public sealed class ReminderScheduleTests
{
    private static readonly DateOnly Deadline = new(2026, 12, 10);
    private static readonly IReadOnlyList<int> Default = ReminderSchedule.Parse(ReminderSchedule.DefaultOffsets).Offsets;

    [Theory]
    [InlineData("2026-12-02", null)]
    [InlineData("2026-12-03", 7)]
    [InlineData("2026-12-05", 7)] // caught up two days late (portal down), never later
    [InlineData("2026-12-06", null)]
    [InlineData("2026-12-07", 3)]
    [InlineData("2026-12-09", 3)]
    [InlineData("2026-12-10", 0)]
    [InlineData("2026-12-11", -1)]
    [InlineData("2026-12-13", -1)]
    [InlineData("2026-12-14", null)]
    public void The_due_offset_is_the_latest_reminder_day_reached_within_the_catch_up(string today, int? expected) =>
        Assert.Equal(expected, ReminderSchedule.DueOffset(Deadline, Default, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Offsets_are_parsed_with_a_unicode_minus_sorted_and_deduplicated()
    {
        var (offsets, error) = ReminderSchedule.Parse("0, −1; 7 3 7");
        Assert.Null(error);
        Assert.Equal([7, 3, 0, -1], offsets);
        Assert.Equal("7,3,0,-1", ReminderSchedule.Format(offsets));
    }

    [Theory]
    [InlineData("7, ba", "“ba” không phải số ngày (ví dụ: 7, 3, 0, -1).")]
    [InlineData("90", "Số ngày nhắc phải từ -30 đến 60.")]
    [InlineData("1,2,3,4,5,6,7,8,9,10,11", "Tối đa 10 lần nhắc.")]
    public void Bad_offsets_are_refused_in_vietnamese(string text, string message) => Assert.Equal(message, ReminderSchedule.Parse(text).Error);

    [Fact]
    public void The_collection_window_runs_from_the_first_reminder_day_to_the_last()
    {
        Assert.False(ReminderSchedule.InCollectionWindow(Deadline, Default, new DateOnly(2026, 12, 2)));
        Assert.True(ReminderSchedule.InCollectionWindow(Deadline, Default, new DateOnly(2026, 12, 3)));
        Assert.True(ReminderSchedule.InCollectionWindow(Deadline, Default, new DateOnly(2026, 12, 11)));
        Assert.False(ReminderSchedule.InCollectionWindow(Deadline, Default, new DateOnly(2026, 12, 12)));
        Assert.False(ReminderSchedule.InCollectionWindow(Deadline, [], new DateOnly(2026, 12, 5)));
    }

    [Fact]
    public void Retries_start_within_thirty_seconds_and_grow_to_an_hour_then_fail_for_good()
    {
        Assert.Equal(TimeSpan.FromSeconds(15), OutboxMessage.RetryDelay(1));
        Assert.Equal(TimeSpan.FromSeconds(30), OutboxMessage.RetryDelay(2));
        Assert.Equal(TimeSpan.FromHours(1), OutboxMessage.RetryDelay(12));
        var now = DateTimeOffset.UnixEpoch;
        Assert.Equal((OutboxState.Pending, now.AddSeconds(15)), OutboxMessage.AfterFailure(1, permanent: false, now));
        Assert.Equal(OutboxState.Failed, OutboxMessage.AfterFailure(1, permanent: true, now).State);
        Assert.Equal(OutboxState.Failed, OutboxMessage.AfterFailure(OutboxMessage.MaxAttempts, permanent: false, now).State);
    }

    [Theory]
    [InlineData("2026-12-10", "2026-12-20", "Đúng hạn")]
    [InlineData("2026-12-13", "2026-12-20", "Trễ 3 ngày")]
    [InlineData(null, "2026-12-08", "Chưa gửi")]
    [InlineData(null, "2026-12-12", "Chưa gửi, quá hạn 2 ngày")]
    public void Timeliness_is_judged_against_the_unit_deadline(string? sent, string today, string expected)
    {
        static DateOnly Day(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, Timeliness.Of(Deadline, sent is null ? null : Day(sent), Day(today)).Vietnamese);
    }
}
