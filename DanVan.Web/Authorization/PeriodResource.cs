namespace DanVan.Web.Authorization;

/// <summary>The resource "a reporting period" as a whole: its deadlines, lock, participants and office-wide figures.</summary>
public sealed record PeriodResource(int? PeriodId)
{
    /// <summary>Every period (creating one, the office-wide dashboard of any).</summary>
    public static PeriodResource All { get; } = new((int?)null);
}
