namespace DanVan.Web.Services.Admin.Periods;

/// <summary>The kinds a period is created from, as the API names them, with their Vietnamese labels.</summary>
public static class PeriodKinds
{
    public static IReadOnlyList<(string Token, string Label)> All { get; } =
    [
        ("H1", "6 tháng đầu năm"),
        ("9M", "9 tháng"),
        ("Y", "Cả năm"),
        ("Q1", "Quý I"), ("Q2", "Quý II"), ("Q3", "Quý III"), ("Q4", "Quý IV"),
        ("M01", "Tháng 01"), ("M02", "Tháng 02"), ("M03", "Tháng 3"), ("M04", "Tháng 4"), ("M05", "Tháng 5"), ("M06", "Tháng 6"),
        ("M07", "Tháng 7"), ("M08", "Tháng 8"), ("M09", "Tháng 9"), ("M10", "Tháng 10"), ("M11", "Tháng 11"), ("M12", "Tháng 12"),
    ];
}
