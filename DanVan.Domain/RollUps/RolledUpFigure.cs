using DanVan.Domain.Periods;

namespace DanVan.Domain.RollUps;

/// <summary>
/// A figure of a longer period built from its shorter ones: the value (null when it cannot be built), the periods it
/// was taken from, and those whose figure is missing (then there is no value).
/// </summary>
public sealed record RolledUpFigure(decimal? Value, IReadOnlyList<PeriodCode> Used, IReadOnlyList<PeriodCode> Missing)
{
    public static RolledUpFigure None { get; } = new(null, [], []);
}
