using System.Net;
using DanVan.Data.Identity;
using DanVan.Domain.Organization;
using DanVan.Tests.Support;
using DanVan.Tests.Web.Admin.Users;
using DanVan.Tests.Web.Entry;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Web.SeparationOfDuties;

public sealed class SeparationOfDutiesTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task GrantAsync(string email, string role)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True((await users.AddToRoleAsync((await users.FindByEmailAsync(email))!, role)).Succeeded);
    }

    [Fact]
    public async Task A_compiler_who_is_also_a_leader_cannot_issue_the_report_they_sent()
    {
        await GrantAsync("tonghop@danvan.local", Roles.Leader);
        var both = await _app.ApiAsync("tonghop@danvan.local");
        await both.SendReadyAsync("2021-Y");

        var refused = await both.PostAsync("/api/v1/periods/2021-Y/report/approve", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("không được tự duyệt", await refused.Content.ReadAsStringAsync());

        var leader = await _app.ApiAsync("lanhdao@danvan.local");
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsync("/api/v1/periods/2021-Y/report/approve", null)).StatusCode);
    }

    [Fact]
    public async Task Unit_staff_who_are_also_compilers_cannot_accept_their_own_units_sheet()
    {
        await GrantAsync("hctc@danvan.local", Roles.Compiler);
        var unit = await _app.SignedInAsync("hctc@danvan.local");
        var page = await EntryPage.OpenAsync(unit, "2021-Y", "HCTC");
        Assert.Equal(HttpStatusCode.Redirect, (await page.SendAsync(WorkflowTests.HctcFigures())).StatusCode);

        var own = await _app.ApiAsync("hctc@danvan.local");
        var refused = await own.PostAsync("/api/v1/periods/2021-Y/units/HCTC/accept", null);
        Assert.False(refused.IsSuccessStatusCode);
        Assert.Contains("chính đơn vị mình", await refused.Content.ReadAsStringAsync());
        Assert.Equal("Đã gửi", (await EntryPage.OpenAsync(unit, "2021-Y", "HCTC")).Status);

        var compiler = await _app.ApiAsync("tonghop@danvan.local");
        Assert.True((await compiler.PostAsync("/api/v1/periods/2021-Y/units/HCTC/accept", null)).IsSuccessStatusCode);
    }

    [Fact]
    public async Task The_admin_form_warns_when_an_account_combines_duties()
    {
        await GrantAsync("tonghop@danvan.local", Roles.Leader);
        var admin = await _app.SignedInAsync("admin@danvan.local");
        var combined = await admin.EditPageAsync(_app, "tonghop@danvan.local");
        Assert.Contains("không được duyệt ban hành", combined.QuerySelector("[data-testid='duties-warning']")!.TextContent);
        Assert.Null((await admin.EditPageAsync(_app, "lanhdao@danvan.local")).QuerySelector("[data-testid='duties-warning']"));
    }
}
