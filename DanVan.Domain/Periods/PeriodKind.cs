namespace DanVan.Domain.Periods;

public enum PeriodKind
{
    /// <summary>6 tháng đầu năm ("H1").</summary>
    HalfYear = 0,
    /// <summary>9 tháng ("9M").</summary>
    NineMonths = 1,
    /// <summary>Cả năm ("Y").</summary>
    Year = 2,
    /// <summary>Quý ("Q1".."Q4").</summary>
    Quarter = 3,
    /// <summary>Tháng ("M01".."M12").</summary>
    Month = 4,
}
