using System.Globalization;

namespace DanVan.Domain.Submissions;

/// <summary>One stored figure, keyed by (period, unit, indicator). Blank (both null) is not zero.</summary>
public class IndicatorValue
{
    private IndicatorValue()
    {
        UpdatedBy = "";
    }

    public long Id { get; private set; }
    public int SubmissionId { get; private set; }
    public int PeriodId { get; private set; }
    public int UnitId { get; private set; }
    public int IndicatorId { get; private set; }
    public decimal? Number { get; private set; }
    public string? Text { get; private set; }

    /// <summary>Carried over from the previous period and not yet confirmed by a person.</summary>
    public bool IsPrefilled { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; }

    public bool IsBlank => Number is null && Text is null;

    /// <summary>The stored value as audit text: invariant digits, so history never depends on a culture.</summary>
    public string? AuditText => Number?.ToString(CultureInfo.InvariantCulture) ?? Text;

    internal static IndicatorValue Create(Submission submission, int indicatorId) => new()
    {
        SubmissionId = submission.Id,
        PeriodId = submission.PeriodId,
        UnitId = submission.UnitId,
        IndicatorId = indicatorId,
    };

    internal void Set(decimal? number, string? text, bool prefilled, string user, DateTimeOffset at)
    {
        Number = number;
        Text = text;
        IsPrefilled = prefilled;
        UpdatedBy = user;
        UpdatedAt = at;
    }
}
