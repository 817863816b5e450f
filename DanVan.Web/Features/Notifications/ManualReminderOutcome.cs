namespace DanVan.Web.Features.Notifications;

public enum ManualReminderOutcome
{
    Reminded,
    Forbidden,
    NotFound,
    Invalid,
    /// <summary>Every unit asked for was reminded less than ten minutes ago: 429 with <see cref="ManualReminderResult.RetryAt"/>.</summary>
    TooSoon,
}
