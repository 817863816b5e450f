namespace DanVan.Domain.Notifications;

/// <summary>
/// When a compiler last reminded a unit by hand (“Đôn đốc”) in a period. Updated with a conditional UPDATE, so two
/// compilers pressing at once remind the unit once; at most one per unit per <see cref="MinimumInterval"/>.
/// </summary>
public class ManualReminderMark
{
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMinutes(10);

    private ManualReminderMark()
    {
    }

    public int PeriodId { get; private set; }
    public int UnitId { get; private set; }
    public DateTimeOffset LastAt { get; private set; }

    public static ManualReminderMark Create(int periodId, int unitId, DateTimeOffset at) => new() { PeriodId = periodId, UnitId = unitId, LastAt = at };
}
