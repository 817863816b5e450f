using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace DanVan.Web.Authorization;

/// <summary>What may be done to a resource (<see cref="UnitSheet"/>, <see cref="PeriodResource"/>, <see cref="ReportResource"/>).</summary>
public static class Operations
{
    /// <summary>See it.</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };

    /// <summary>A unit's own staff enter and send its figures.</summary>
    public static readonly OperationAuthorizationRequirement Write = new() { Name = nameof(Write) };

    /// <summary>The compiler accepts or returns a sheet, and edits the report.</summary>
    public static readonly OperationAuthorizationRequirement Review = new() { Name = nameof(Review) };

    /// <summary>The leader approves (signs) the report.</summary>
    public static readonly OperationAuthorizationRequirement Approve = new() { Name = nameof(Approve) };

    /// <summary>The admin locks, reopens, sets deadlines, creates.</summary>
    public static readonly OperationAuthorizationRequirement Administer = new() { Name = nameof(Administer) };
}
