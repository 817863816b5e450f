using DanVan.Domain.Auditing;

namespace DanVan.Web.Services.Admin;

/// <summary>One row of an admin change log.</summary>
public sealed record AuditRow(DateTimeOffset At, string User, string Action, string? UnitCode, string? OldValue, string? NewValue, string? Reason)
{
    public string ActionText => AuditActions.Vietnamese(Action);
}
