namespace DanVan.Domain.Indicators;

/// <summary>
/// What a figure measures, which decides what it may be compared with and how shorter periods add up to longer ones.
/// </summary>
public enum IndicatorNature
{
    /// <summary>Counted over the period (files received, resolved, letters, visits): summed over months.</summary>
    Flow = 0,
    /// <summary>Carried over at the start of the period: the first month's.</summary>
    OpeningStock = 1,
    /// <summary>Pending at the end, or a count of things that exist (services online, board members): the last month's.</summary>
    ClosingStock = 2,
    /// <summary>Computed from other figures, never added up: recomputed; compared in percentage points.</summary>
    Rate = 3,
    /// <summary>Text or yes/no: the last month's, never compared.</summary>
    Descriptive = 4,
}
