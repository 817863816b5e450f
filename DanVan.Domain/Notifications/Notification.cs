namespace DanVan.Domain.Notifications;

/// <summary>One notice in a user's bell. Written in the same transaction as the event that caused it.</summary>
public class Notification
{
    public const int MaxTitleLength = 300;
    public const int MaxBodyLength = 8000;
    public const int MaxLinkLength = 500;

    private Notification()
    {
        UserId = "";
        Title = "";
        Body = "";
        Link = "";
    }

    public long Id { get; private set; }
    public string UserId { get; private set; }
    public NotificationKind Kind { get; private set; }
    public string Title { get; private set; }
    public string Body { get; private set; }

    /// <summary>Path inside the portal (e.g. /entry/2021-H1/BTCD).</summary>
    public string Link { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public static Notification Create(string userId, NotificationKind kind, string title, string body, string link, DateTimeOffset at) => new()
    {
        UserId = userId,
        Kind = kind,
        Title = Clip(title, MaxTitleLength),
        Body = Clip(body, MaxBodyLength),
        Link = Clip(link, MaxLinkLength),
        CreatedAt = at,
    };

    internal static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
