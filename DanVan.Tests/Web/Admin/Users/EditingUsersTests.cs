using AngleSharp.Dom;
using System.Net;
using AngleSharp.Html.Dom;
using DanVan.Data.Seeding;
using DanVan.Domain.Organization;
using DanVan.Tests.Support;

namespace DanVan.Tests.Web.Admin.Users;

public sealed class EditingUsersTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Editing_name_roles_and_units_is_saved_audited_and_a_role_change_ends_the_users_sessions()
    {
        var staff = await _app.SignedInAsync("btcd@danvan.local");
        var admin = await _app.SignedInAsync("admin@danvan.local");
        var page = await admin.EditPageAsync(_app, "btcd@danvan.local");
        Assert.Equal("btcd@danvan.local", page.QuerySelector<IHtmlInputElement>("#Email")!.Value);

        // More units, same role: the user keeps the session and sees the new unit at once.
        var saved = await admin.PostAndFollowAsync(page.UserForm(), ("FullName", "Trần Thị Bích"), ("UnitIds", page.UnitId("BTCD")), ("UnitIds", page.UnitId("HCTC")));
        Assert.Equal("Đã lưu thông tin tài khoản.", saved.Message());
        Assert.Equal("Trần Thị Bích", saved.QuerySelector<IHtmlInputElement>("#FullName")!.Value);
        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/entry/2021-Y/HCTC")).StatusCode);

        // A new role: the old session (and API token) ends, the next sign-in has the new role.
        var leader = await admin.PostAndFollowAsync(saved.UserForm(), ("Roles", Roles.Leader), ("UnitIds", null!));
        Assert.Equal("Đã lưu thông tin tài khoản.", leader.Message());
        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await staff.GetAsync("/")).IsSignInRedirect());
        var again = await _app.SignedInAsync("btcd@danvan.local");
        Assert.Contains("Lãnh đạo", (await again.GetDocumentAsync("/")).QuerySelector("[data-testid='user-name']")!.TextContent);

        var user = await _app.UserAsync("btcd@danvan.local");
        Assert.Equal("Trần Thị Bích", user.FullName);
        Assert.Empty(user.Units);
        var audit = await _app.AuditAsync("user.");
        Assert.Equal(["user.updated", "user.updated"], audit.Select(a => a.Action));
        Assert.Contains("Cán bộ Ban Tiếp công dân", audit[0].OldValue);
        Assert.Contains("BTCD", audit[0].NewValue);
        Assert.Contains("HCTC", audit[0].NewValue);
        Assert.DoesNotContain("HCTC", audit[0].OldValue);
        Assert.Contains("vai trò: Lãnh đạo", audit[1].NewValue);
        Assert.All(audit, a => Assert.Equal("admin@danvan.local", a.UserName));

        var list = await admin.GetDocumentAsync("/admin/users?q=bich");
        var row = list.QuerySelector("[data-testid='users'] tbody tr")!;
        Assert.Contains("admin@danvan.local, 26/11/2026", row.TextContent);
    }

    [Fact]
    public async Task Unit_staff_cannot_be_left_without_a_unit()
    {
        var admin = await _app.SignedInAsync("admin@danvan.local");
        var page = await admin.EditPageAsync(_app, "ttpvhcc@danvan.local");
        var result = await FormClient.ParseAsync(await admin.PostAsync(page.UserForm(), ("UnitIds", null!)));
        Assert.Contains("ít nhất một đơn vị", result.FieldError("UnitIds"));
        Assert.Single((await _app.UserAsync("ttpvhcc@danvan.local")).Units);
    }

    [Fact]
    public async Task Two_admins_editing_the_same_user_the_second_gets_a_conflict_and_overwrites_nothing()
    {
        var first = await _app.SignedInAsync("admin@danvan.local");
        var second = await _app.SignedInAsync("admin@danvan.local");
        var firstPage = await first.EditPageAsync(_app, "tonghop@danvan.local");
        var secondPage = await second.EditPageAsync(_app, "tonghop@danvan.local");

        Assert.Equal("Đã lưu thông tin tài khoản.", (await first.PostAndFollowAsync(firstPage.UserForm(), ("FullName", "Tên do người thứ nhất sửa"))).Message());
        var conflict = await second.PostAndFollowAsync(secondPage.UserForm(), ("FullName", "Tên do người thứ hai sửa"));
        Assert.Contains("vừa được người khác thay đổi", conflict.Message());
        Assert.Equal("Tên do người thứ nhất sửa", conflict.QuerySelector<IHtmlInputElement>("#FullName")!.Value); // reloaded
        Assert.Equal("Tên do người thứ nhất sửa", (await _app.UserAsync("tonghop@danvan.local")).FullName);

        // Actions from the stale page are refused too.
        var staleDisable = await second.PostAndFollowAsync(secondPage.ActionForm("disable"));
        Assert.Contains("vừa được người khác thay đổi", staleDisable.Message());
        Assert.False((await _app.UserAsync("tonghop@danvan.local")).IsDisabled);
        Assert.Single(await _app.AuditAsync("user."));
    }

    [Fact]
    public async Task The_last_enabled_admin_cannot_disable_themself_nor_drop_their_admin_role()
    {
        var admin = await _app.SignedInAsync("admin@danvan.local");
        var own = await admin.EditPageAsync(_app, "admin@danvan.local");

        var disable = await admin.PostAndFollowAsync(own.ActionForm("disable"));
        Assert.Contains("quản trị viên cuối cùng", disable.Message());
        var drop = await FormClient.ParseAsync(await admin.PostAsync(disable.UserForm(), ("Roles", Roles.Compiler)));
        Assert.Contains("quản trị viên cuối cùng", drop.FieldError("Roles"));
        var me = await _app.UserAsync("admin@danvan.local");
        Assert.False(me.IsDisabled);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);

        // With a second enabled admin, the first may step down.
        var link = await admin.CreateUserAsync("quantri2@danvan.local", "Quản trị thứ hai", Roles.Admin);
        await _app.SetPasswordAsync(link, UsersPages.NewPassword);
        own = await admin.EditPageAsync(_app, "admin@danvan.local");
        var stepDown = await admin.PostAsync(own.UserForm(), ("Roles", Roles.Compiler));
        Assert.Equal(HttpStatusCode.Redirect, stepDown.StatusCode);
        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await admin.GetAsync("/admin/users")).IsSignInRedirect()); // own role changed: own session ended
        var second = await _app.SignedInAsync("quantri2@danvan.local", UsersPages.NewPassword);
        var secondsOwn = await second.EditPageAsync(_app, "quantri2@danvan.local");
        Assert.Contains("quản trị viên cuối cùng", (await second.PostAndFollowAsync(secondsOwn.ActionForm("disable"))).Message());
    }

    [Fact]
    public async Task An_unknown_user_id_is_404_for_the_admin()
    {
        var admin = await _app.SignedInAsync("admin@danvan.local");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/users/khong-co")).StatusCode);
        var page = await admin.EditPageAsync(_app, "lanhdao@danvan.local");
        var form = page.ActionForm("disable");
        form.Action = "/admin/users/khong-co/disable";
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync(form)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users?q=" + new string('x', 10_000) + "&role=Nope&status=nope&unit=%00")).StatusCode);
    }
}

public sealed class UserListTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_list_shows_every_account_and_filters_by_text_role_unit_and_status()
    {
        var admin = await _app.SignedInAsync("admin@danvan.local");
        string[] Emails(AngleSharp.Dom.IDocument page) =>
            [.. page.QuerySelectorAll("[data-testid='users'] tbody tr").Select(r => r.GetAttribute("data-email")!)];

        var all = await admin.GetDocumentAsync("/admin/users");
        Assert.Equal(DemoUsers.All.Select(u => u.Email).Order(), Emails(all).Order());
        var btcd = all.QuerySelector("tr[data-email='btcd@danvan.local']")!;
        Assert.Contains("Cán bộ Ban Tiếp công dân", btcd.TextContent);
        Assert.Contains("Cán bộ đơn vị", btcd.TextContent);
        Assert.Contains("BTCD", btcd.TextContent);
        Assert.Contains("Đang hoạt động", btcd.QuerySelector("[data-testid='status']")!.TextContent);
        Assert.Equal("–", btcd.QuerySelector("[data-testid='lockout']")!.TextContent.Trim());

        Assert.Equal(["tonghop@danvan.local"], Emails(await admin.GetDocumentAsync("/admin/users?q=tong+hop"))); // no diacritics typed
        Assert.Equal(["tonghop@danvan.local"], Emails(await admin.GetDocumentAsync("/admin/users?q=Tổng+Hợp")));
        Assert.Equal(["lanhdao@danvan.local"], Emails(await admin.GetDocumentAsync("/admin/users?q=LANHDAO@")));
        Assert.Equal(4, Emails(await admin.GetDocumentAsync("/admin/users?role=UnitStaff")).Length);
        Assert.Equal(["hctc@danvan.local"], Emails(await admin.GetDocumentAsync("/admin/users?unit=HCTC")));
        Assert.Empty(Emails(await admin.GetDocumentAsync("/admin/users?status=disabled")));
        Assert.Equal(DanVan.Data.Seeding.DemoUsers.All.Count, Emails(await admin.GetDocumentAsync("/admin/users?status=active")).Length); // every demo account, the văn thư too
        Assert.Empty(Emails(await admin.GetDocumentAsync("/admin/users?role=Leader&unit=BTCD")));

        var filter = all.QuerySelector("form[data-testid='user-filter']")!;
        Assert.NotNull(filter.QuerySelector("select[name='role'] option[value='UnitStaff']"));
        Assert.NotNull(filter.QuerySelector("select[name='unit'] option[value='BTCD']"));
        Assert.NotNull(filter.QuerySelector("select[name='status'] option[value='disabled']"));
    }

    [Fact]
    public async Task The_admin_home_links_to_the_users_area()
    {
        var admin = await _app.SignedInAsync("admin@danvan.local");
        var home = await admin.GetDocumentAsync("/");
        Assert.Equal("/admin/users", home.QuerySelector("[data-testid='admin-users-card']")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("tonghop@danvan.local")]
    [InlineData("lanhdao@danvan.local")]
    [InlineData("btcd@danvan.local")]
    public async Task Other_roles_are_refused_every_users_page_and_action(string email)
    {
        var client = await _app.SignedInAsync(email);
        var token = (await client.GetDocumentAsync("/Account/ChangePassword")).QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        var target = await _app.UserIdAsync("hctc@danvan.local");
        foreach (var url in new[] { "/admin/users", "/admin/users/new", $"/admin/users/{target}" })
            Assert.Contains("/Account/AccessDenied", (await client.GetAsync(url)).Headers.Location!.OriginalString);
        foreach (var action in new[] { "new", target, $"{target}/disable", $"{target}/enable", $"{target}/sign-out", $"{target}/unlock", $"{target}/reset-password", $"{target}/reset-two-factor" })
        {
            var response = await client.PostAsync("/admin/users/" + action, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["FullName"] = "x", ["Email"] = "x@danvan.local", ["Roles"] = Roles.Admin,
            }));
            Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString);
        }
        Assert.Empty(await _app.AuditAsync("user."));
        Assert.False((await _app.UserAsync("hctc@danvan.local")).IsDisabled);
    }
}
