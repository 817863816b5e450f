namespace DanVan.Domain.Notifications;

/// <summary>Sent on time, or late by N days, against the unit deadline; or not sent (overdue by N days once it passed).</summary>
public readonly record struct Timeliness(bool Sent, int DaysLate)
{
    public bool OnTime => Sent && DaysLate <= 0;

    /// <param name="sentOn">The local day the unit sent (null: not sent).</param>
    public static Timeliness Of(DateOnly unitDeadline, DateOnly? sentOn, DateOnly today) => sentOn is { } day
        ? new Timeliness(true, Math.Max(0, day.DayNumber - unitDeadline.DayNumber))
        : new Timeliness(false, Math.Max(0, today.DayNumber - unitDeadline.DayNumber));

    public string Vietnamese => (Sent, DaysLate) switch
    {
        (true, 0) => "Đúng hạn",
        (true, var n) => $"Trễ {n} ngày",
        (false, 0) => "Chưa gửi",
        (false, var n) => $"Chưa gửi, quá hạn {n} ngày",
    };
}
