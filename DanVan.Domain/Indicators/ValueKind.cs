namespace DanVan.Domain.Indicators;

public enum ValueKind
{
    /// <summary>A whole, non-negative count (hồ sơ, lượt, người, đơn, văn bản).</summary>
    Count = 0,
    /// <summary>A percentage in percent units, 0–100.</summary>
    Percent = 1,
    /// <summary>Có / Không, stored as 1 / 0.</summary>
    YesNo = 2,
    Text = 3,
}
