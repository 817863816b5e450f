namespace DanVan.Web.Features.Notifications;

/// <summary>The units reminded, those skipped with why, and when the next reminder is allowed (for 429).</summary>
public sealed record ManualReminderResult(
    ManualReminderOutcome Outcome, IReadOnlyList<string> Reminded, IReadOnlyList<SkippedUnit> Skipped,
    DateTimeOffset? RetryAt = null, string? Error = null);
