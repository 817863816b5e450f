using System.Net;
using DanVan.Data.Identity;
using DanVan.Domain.Organization;
using DanVan.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Web.ReportWorkflow;

/// <summary>The Văn thư role: a demo account, the report in the menu, read-only report pages, and admins can give it.</summary>
public sealed class ClerkRoleTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_demo_clerk_signs_in_sees_the_report_in_the_menu_and_reads_it_without_editing()
    {
        var clerk = await _app.SignedInAsync("vanthu@danvan.local");
        var home = await clerk.GetDocumentAsync("/");
        Assert.Contains("Văn thư", home.QuerySelector("[data-testid='user-name']")!.TextContent);
        Assert.Equal("/reports", home.QuerySelector("[data-testid='nav-report']")!.GetAttribute("href"));
        Assert.Null(home.QuerySelector("[data-testid='nav-dashboard']"));

        var report = await clerk.GetDocumentAsync("/reports/2021-H1");
        Assert.NotNull(report.QuerySelector("[data-testid='report-state']"));
        Assert.Null(report.QuerySelector("[data-testid='submit-form']"));
        Assert.Null(report.QuerySelector("[data-testid='approve-form']"));
        Assert.Contains("/Account/AccessDenied", (await clerk.GetAsync("/dashboard")).Headers.Location!.OriginalString);
        Assert.Contains("/Account/AccessDenied", (await clerk.GetAsync("/entry/2021-H1/BTCD")).Headers.Location?.OriginalString ?? "/Account/AccessDenied");
    }

    [Fact]
    public async Task Admins_can_give_the_clerk_role()
    {
        var admin = await _app.SignedInAsync("admin@danvan.local");
        var form = await admin.GetDocumentAsync("/admin/users/new");
        Assert.Contains(form.QuerySelectorAll("input[name='Roles']"), i => i.GetAttribute("value") == Roles.Clerk);
        Assert.Contains("Văn thư", form.Body!.TextContent);
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True(await users.IsInRoleAsync((await users.FindByEmailAsync("vanthu@danvan.local"))!, Roles.Clerk));
    }
}
