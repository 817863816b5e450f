namespace DanVan.Domain.Notifications;

/// <summary>The compilers' daily summary of one period for one day has been written; unique per (period, day).</summary>
public class SummaryMark
{
    private SummaryMark()
    {
    }

    public int PeriodId { get; private set; }
    public DateOnly Day { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static SummaryMark Create(int periodId, DateOnly day, DateTimeOffset at) => new() { PeriodId = periodId, Day = day, CreatedAt = at };
}
