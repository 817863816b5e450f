namespace DanVan.Domain.Periods;

/// <summary>
/// The period before a period, for carried-over figures: one whose cut-off range ends on the day before this one's
/// begins. Several can (2020-Y, 2020-Q4 and 2020-M12 all end on 14/12/2020): the same kind wins, then the longest.
/// </summary>
public static class PreviousPeriod
{
    public static ReportingPeriod? Of(ReportingPeriod period, IEnumerable<ReportingPeriod> candidates)
    {
        var dayBefore = period.CutoffFrom.AddDays(-1);
        return candidates
            .Where(p => p.CutoffTo == dayBefore && !ReferenceEquals(p, period) && (p.Id == 0 || p.Id != period.Id))
            .OrderByDescending(p => p.Kind == period.Kind)
            .ThenByDescending(p => p.CutoffTo.DayNumber - p.CutoffFrom.DayNumber)
            .FirstOrDefault();
    }
}
