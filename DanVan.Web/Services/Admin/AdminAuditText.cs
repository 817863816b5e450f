namespace DanVan.Web.Services.Admin;

public static class AdminAuditText
{
    public const int MaxReasonLength = 1000;
}
