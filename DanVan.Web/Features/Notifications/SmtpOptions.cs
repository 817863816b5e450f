namespace DanVan.Web.Features.Notifications;

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.None;
    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>Connect, send and answer timeout of one SMTP command.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}
