namespace DanVan.Web.Features.Notifications;

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}
