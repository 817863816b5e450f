namespace DanVan.Web.Features.Notifications;

/// <summary>
/// <c>Email:From</c>, <c>Email:Smtp:*</c> (user and password from the environment or user secrets, never the repository),
/// and <c>Email:PickupFolder</c>: with no SMTP host every message is written there as an .eml file instead.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "DanVan <danvan@localhost>";
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Relative to the content root; default App_Data/mail.</summary>
    public string PickupFolder { get; set; } = Path.Combine("App_Data", "mail");
}
