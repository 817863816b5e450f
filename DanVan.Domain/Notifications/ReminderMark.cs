namespace DanVan.Domain.Notifications;

/// <summary>
/// The scheduled reminder of one unit in one period at one offset has been written (decision 0026). Unique per
/// (period, unit, offset): a restart, a late timer or a second portal instance cannot remind twice.
/// </summary>
public class ReminderMark
{
    private ReminderMark()
    {
    }

    public int PeriodId { get; private set; }
    public int UnitId { get; private set; }

    /// <summary>Days before the unit deadline (negative: after it).</summary>
    public int OffsetDays { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static ReminderMark Create(int periodId, int unitId, int offsetDays, DateTimeOffset at) =>
        new() { PeriodId = periodId, UnitId = unitId, OffsetDays = offsetDays, CreatedAt = at };
}
