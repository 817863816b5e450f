namespace DanVan.Web.Features.Notifications;

/// <summary><c>Notifications:*</c>. Test hosts set Worker=false and drive the sender and the scheduler themselves.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Run the background worker (reminders, daily summary, outbox sender) in this host.</summary>
    public bool Worker { get; set; } = true;

    public int PollSeconds { get; set; } = 10;

    /// <summary>Messages claimed at once by one sender.</summary>
    public int BatchSize { get; set; } = 5;

    /// <summary>How long a claim holds; a sender that died releases its rows when it ends.</summary>
    public int ClaimSeconds { get; set; } = 300;
}
