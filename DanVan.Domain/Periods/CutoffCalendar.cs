namespace DanVan.Domain.Periods;

/// <summary>
/// Thời gian chốt số liệu, Nghị định 09/2019/NĐ-CP Điều 12: every range starts on the 15th of the month before
/// the period and ends on the 14th of its last month.
/// </summary>
public static class CutoffCalendar
{
    public static (DateOnly From, DateOnly To) RangeOf(PeriodCode code)
    {
        var lastMonth = code.Kind switch
        {
            PeriodKind.HalfYear => 6,
            PeriodKind.NineMonths => 9,
            PeriodKind.Year => 12,
            PeriodKind.Quarter => code.Number * 3,
            PeriodKind.Month => code.Number,
            _ => throw new ArgumentOutOfRangeException(nameof(code)),
        };
        var firstMonth = code.Kind switch
        {
            PeriodKind.Quarter => code.Number * 3 - 2,
            PeriodKind.Month => code.Number,
            _ => 1,
        };
        var from = new DateOnly(code.Year, firstMonth, 15).AddMonths(-1);
        var to = new DateOnly(code.Year, lastMonth, 14);
        return (from, to);
    }
}
