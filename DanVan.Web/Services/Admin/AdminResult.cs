using DanVan.Domain.Auditing;

namespace DanVan.Web.Services.Admin;

public enum AdminOutcome
{
    Saved,
    Invalid,
    Conflict,
    NotFound,
    Forbidden,
}

/// <summary>The outcome of an admin write: errors by form field ("" for the whole form), or the code of what was saved.</summary>
public sealed record AdminResult(AdminOutcome Outcome, IReadOnlyDictionary<string, string> Errors, string? Code = null)
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public static AdminResult NotFound { get; } = new(AdminOutcome.NotFound, None);
    public static AdminResult Forbidden { get; } = new(AdminOutcome.Forbidden, None);

    public static AdminResult Saved(string code) => new(AdminOutcome.Saved, None, code);

    public static AdminResult Invalid(IReadOnlyDictionary<string, string> errors) => new(AdminOutcome.Invalid, errors);

    public static AdminResult Invalid(string field, string message) => new(AdminOutcome.Invalid, new Dictionary<string, string> { [field] = message });

    public static AdminResult Conflict(string message, string? code = null) =>
        new(AdminOutcome.Conflict, new Dictionary<string, string> { [""] = message }, code);

    public string? Message => Errors.Values.FirstOrDefault();
}

/// <summary>One row of an admin change log.</summary>
public sealed record AuditRow(DateTimeOffset At, string User, string Action, string? UnitCode, string? OldValue, string? NewValue, string? Reason)
{
    public string ActionText => AuditActions.Vietnamese(Action);
}

public static class AdminAuditText
{
    public const int MaxReasonLength = 1000;
}
