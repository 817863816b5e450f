using System.Security.Claims;
using DanVan.Data;
using DanVan.Domain.Organization;
using DanVan.Tests.Support;
using DanVan.Web.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using DanVan.Data.Identity;

namespace DanVan.Tests.Web.Authorization;

/// <summary>The resource-based rules (<see cref="ResourceAccessHandler"/>) asked through IAuthorizationService, as services ask them.</summary>
[Collection(SharedPortal.Name)]
public sealed class ResourceAccessTests(DanVanFactory app)
{
    [Fact]
    public async Task Unit_staff_read_and_write_only_their_own_units_sheet()
    {
        var (own, other) = await UnitsAsync("btcd@danvan.local");
        Assert.True(await AllowsAsync("btcd@danvan.local", new UnitSheet(own), Operations.Read));
        Assert.True(await AllowsAsync("btcd@danvan.local", new UnitSheet(own), Operations.Write));
        Assert.False(await AllowsAsync("btcd@danvan.local", new UnitSheet(other), Operations.Read));
        Assert.False(await AllowsAsync("btcd@danvan.local", new UnitSheet(other), Operations.Write));
        Assert.False(await AllowsAsync("btcd@danvan.local", new UnitSheet(own), Operations.Review));
        Assert.False(await AllowsAsync("btcd@danvan.local", PeriodResource.All, Operations.Read));
    }

    [Fact]
    public async Task The_compiler_reads_and_reviews_every_sheet_but_writes_none_and_administers_nothing()
    {
        var (own, _) = await UnitsAsync("btcd@danvan.local");
        Assert.True(await AllowsAsync("tonghop@danvan.local", new UnitSheet(own), Operations.Read));
        Assert.True(await AllowsAsync("tonghop@danvan.local", new UnitSheet(own), Operations.Review));
        Assert.False(await AllowsAsync("tonghop@danvan.local", new UnitSheet(own), Operations.Write));
        Assert.False(await AllowsAsync("tonghop@danvan.local", new UnitSheet(own), Operations.Administer));
        Assert.True(await AllowsAsync("tonghop@danvan.local", new ReportResource(null), Operations.Review));
        Assert.False(await AllowsAsync("tonghop@danvan.local", new ReportResource(null), Operations.Approve));
    }

    [Fact]
    public async Task Leader_approves_the_report_and_admin_administers_periods_and_an_unnamed_operation_is_denied()
    {
        Assert.True(await AllowsAsync("lanhdao@danvan.local", new ReportResource(null), Operations.Approve));
        Assert.False(await AllowsAsync("lanhdao@danvan.local", PeriodResource.All, Operations.Administer));
        Assert.True(await AllowsAsync("admin@danvan.local", PeriodResource.All, Operations.Administer));
        Assert.False(await AllowsAsync("admin@danvan.local", PeriodResource.All, Operations.Write));
    }

    private async Task<(int Own, int Other)> UnitsAsync(string email) => await app.QueryAsync(async db =>
    {
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var own = await db.UserUnits.Where(u => u.UserId == userId).Select(u => u.UnitId).FirstAsync();
        var other = await db.Units.Where(u => !u.IsAgency && u.Id != own).Select(u => u.Id).FirstAsync();
        return (own, other);
    });

    private async Task<bool> AllowsAsync(string email, object resource, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var user = await services.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user!);
        services.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { User = principal, RequestServices = services };
        return await services.GetRequiredService<Access>().AllowsAsync(resource, operation);
    }
}
