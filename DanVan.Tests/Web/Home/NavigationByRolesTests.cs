using DanVan.Data.Identity;
using DanVan.Domain.Organization;
using DanVan.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Web.Home;

/// <summary>The menu offers what each of the account's roles may open, not only its first role.</summary>
public sealed class NavigationByRolesTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_admin_who_is_also_compiler_sees_both_the_admin_links_and_the_report()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var admin = await users.FindByEmailAsync("admin@danvan.local");
            Assert.True((await users.AddToRoleAsync(admin!, Roles.Compiler)).Succeeded);
        }
        var client = await _app.SignedInAsync("admin@danvan.local");

        var home = await client.GetDocumentAsync("/");

        Assert.Equal("/reports", home.QuerySelector("[data-testid='nav-report']")?.GetAttribute("href"));
        Assert.NotNull(home.QuerySelector("[data-testid='nav-admin-users']"));
        Assert.NotNull(home.QuerySelector("[data-testid='nav-dashboard']"));
    }
}
