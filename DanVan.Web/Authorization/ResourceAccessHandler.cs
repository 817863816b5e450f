using System.Security.Claims;
using DanVan.Domain.Organization;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace DanVan.Web.Authorization;

/// <summary>
/// Who may do what to a unit's figures, a period or a report: the one place these rules live (pages, API and services
/// ask <see cref="IAuthorizationService"/> through <see cref="Access"/>). Deny by default: an operation not named for
/// a resource is never granted. A unit's own staff are those linked to it (from the database, never from input).
/// </summary>
public sealed class ResourceAccessHandler(CurrentUser currentUser) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        foreach (var requirement in context.PendingRequirements.OfType<OperationAuthorizationRequirement>().ToList())
        {
            // The unit links are the request's user's: asked about anyone else, the handler grants nothing.
            if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) != currentUser.Id) return;
            if (await AllowsAsync(context.User.IsInRole, context.Resource, requirement.Name)) context.Succeed(requirement);
        }
    }

    private async Task<bool> AllowsAsync(Func<string, bool> isIn, object? resource, string operation)
    {
        var readsAll = isIn(Roles.Compiler) || isIn(Roles.Leader) || isIn(Roles.Admin);
        return (resource, operation) switch
        {
            (UnitSheet sheet, nameof(Operations.Read)) => readsAll || (isIn(Roles.UnitStaff) && await OwnAsync(sheet)),
            (UnitSheet sheet, nameof(Operations.Write)) => isIn(Roles.UnitStaff) && await OwnAsync(sheet),
            (UnitSheet, nameof(Operations.Review)) => isIn(Roles.Compiler),
            (UnitSheet, nameof(Operations.Administer)) => isIn(Roles.Admin),
            (PeriodResource, nameof(Operations.Read)) => readsAll,
            (PeriodResource, nameof(Operations.Administer)) => isIn(Roles.Admin),
            (ReportResource, nameof(Operations.Read)) => readsAll,
            (ReportResource, nameof(Operations.Review)) => isIn(Roles.Compiler),
            (ReportResource, nameof(Operations.Approve)) => isIn(Roles.Leader),
            _ => false,
        };
    }

    private async Task<bool> OwnAsync(UnitSheet sheet) => (await currentUser.UnitIdsAsync()).Contains(sheet.UnitId);
}
