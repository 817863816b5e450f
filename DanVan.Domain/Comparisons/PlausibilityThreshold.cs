namespace DanVan.Domain.Comparisons;

/// <summary>
/// When a flow's change against the same period a year earlier is implausible: beyond ±<see cref="Percent"/>% and by at
/// least <see cref="MinimumChange"/> in its own measure (so 3 → 6 visits is not flagged). Template-wide, overridable per
/// indicator.
/// </summary>
public sealed record PlausibilityThreshold(decimal Percent, decimal MinimumChange)
{
    public static PlausibilityThreshold Default { get; } = new(50m, 20m);
}
