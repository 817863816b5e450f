namespace DanVan.Domain.Periods;

/// <summary>
/// A unit that takes part in a period: recorded when the period is created, so that later changes to the organization
/// (a unit retired or added) never rewrite who took part in a past period.
/// </summary>
public class PeriodParticipant
{
    private PeriodParticipant()
    {
    }

    public int PeriodId { get; private set; }
    public int UnitId { get; private set; }

    internal static PeriodParticipant Create(int periodId, int unitId) => new() { PeriodId = periodId, UnitId = unitId };
}
