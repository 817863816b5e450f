using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace DanVan.Web.Authorization;

/// <summary>
/// "May the current user do this to that?" for services, controllers and endpoints: one call into
/// <see cref="IAuthorizationService"/> (whose handler is <see cref="ResourceAccessHandler"/>), for the request's user.
/// </summary>
public sealed class Access(IAuthorizationService authorization, IHttpContextAccessor accessor)
{
    public async Task<bool> AllowsAsync(object resource, OperationAuthorizationRequirement operation) =>
        accessor.HttpContext?.User is { } user && (await authorization.AuthorizeAsync(user, resource, operation)).Succeeded;

    public Task<bool> CanAsync(OperationAuthorizationRequirement operation, UnitSheet sheet) => AllowsAsync(sheet, operation);

    /// <summary>Whether the user may do this to every period (admin work, the office-wide dashboard).</summary>
    public Task<bool> CanAsync(OperationAuthorizationRequirement operation, PeriodResource period) => AllowsAsync(period, operation);

    public Task<bool> CanAsync(OperationAuthorizationRequirement operation, ReportResource report) => AllowsAsync(report, operation);
}
