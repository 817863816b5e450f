using DanVan.Domain.Submissions;

namespace DanVan.Web.Services.Admin.Periods;

public sealed record ParticipantRow(
    string UnitCode, string UnitName, bool UnitRetired, SubmissionStatus Status, bool IsLocked, DateOnly? ReopenedUntil)
{
    /// <summary>May the unit write now (the submission's rule), filled in once the period is known.</summary>
    public UnitWriteAccess Access { get; init; } = null!;
}
