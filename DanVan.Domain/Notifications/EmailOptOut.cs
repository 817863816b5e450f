namespace DanVan.Domain.Notifications;

/// <summary>The user does not want e-mail of this kind (the notice still appears in the portal).</summary>
public class EmailOptOut
{
    private EmailOptOut()
    {
        UserId = "";
    }

    public string UserId { get; private set; }
    public NotificationKind Kind { get; private set; }

    public static EmailOptOut Create(string userId, NotificationKind kind) => new() { UserId = userId, Kind = kind };
}
