using AngleSharp.Dom;
using System.Net;
using AngleSharp.Html.Dom;
using DanVan.Data.Identity;
using DanVan.Data.Seeding;
using DanVan.Domain.Organization;
using DanVan.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Serilog.Events;

namespace DanVan.Tests.Web.Admin.Users;

public sealed class CreatingUsersTests : IAsyncLifetime
{
    private readonly LoggingFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Creating_a_user_gives_a_one_time_link_with_which_they_set_their_own_password()
    {
        var admin = await _app.SignedInAsync("admin@danvan.local");
        var link = await admin.CreateUserAsync("nguyenvana@danvan.local", "Nguyễn Văn A", Roles.UnitStaff, "BTCD", "HCTC");

        var created = await _app.UserAsync("nguyenvana@danvan.local");
        Assert.Equal("Nguyễn Văn A", created.FullName);
        Assert.Null(created.PasswordHash);
        Assert.True(created.MustChangePassword);
        Assert.Equal(2, created.Units.Count);
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateBrowser().SignInAsync("nguyenvana@danvan.local", "")).StatusCode); // no password yet

        // The existing password policy applies on the set-password page.
        Assert.Contains("12 đến 128", await (await _app.SetPasswordAsync(link, "ngan-qua-11")).Content.ReadAsStringAsync());
        Assert.Contains("quá phổ biến", await (await _app.SetPasswordAsync(link, "password1234")).Content.ReadAsStringAsync());
        Assert.Contains("không được trùng với email", await (await _app.SetPasswordAsync(link, "nguyenvana@danvan.local")).Content.ReadAsStringAsync());
        Assert.Contains("không khớp", await (await _app.SetPasswordAsync(link, UsersPages.NewPassword, "một câu khác hẳn đủ dài")).Content.ReadAsStringAsync());

        var set = await _app.SetPasswordAsync(link, UsersPages.NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.EndsWith("/Account/Login", set.Headers.Location!.OriginalString);

        // Signed in with their own password, the user goes straight to their home page: the link was the change.
        var user = await _app.SignedInAsync("nguyenvana@danvan.local", UsersPages.NewPassword);
        var home = await user.GetDocumentAsync("/");
        Assert.Contains("nguyenvana@danvan.local", home.QuerySelector("[data-testid='user-name']")!.TextContent);
        Assert.Contains("Cán bộ đơn vị", home.QuerySelector("[data-testid='user-name']")!.TextContent);
        Assert.False((await _app.UserAsync("nguyenvana@danvan.local")).MustChangePassword);

        // One time only.
        var again = await _app.CreateBrowser().GetDocumentAsync(link);
        Assert.Contains("không hợp lệ, đã được dùng hoặc đã hết hạn", again.QuerySelector("[data-testid='invalid-link']")!.TextContent);

        var audit = await _app.AuditAsync("user.");
        var creation = Assert.Single(audit, a => a.Action == "user.created");
        Assert.Equal("admin@danvan.local", creation.UserName);
        Assert.Contains("nguyenvana@danvan.local", creation.NewValue);
        Assert.Contains("Cán bộ đơn vị", creation.NewValue);
        Assert.Contains("BTCD", creation.NewValue);
        Assert.Contains("HCTC", creation.NewValue);
        var setByUser = Assert.Single(audit, a => a.Action == "user.password-set");
        Assert.Equal("nguyenvana@danvan.local", setByUser.UserName);

        // Neither the token (as issued or as in the link) nor the password is in the audit or the logs.
        var encoded = QueryHelpers.ParseQuery(new Uri("http://x" + link).Query)["token"].ToString();
        var raw = System.Text.Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encoded));
        string[] secrets = [encoded, raw, UsersPages.NewPassword];
        foreach (var entry in audit)
            Assert.DoesNotContain(secrets, s => (entry.OldValue + entry.NewValue + entry.Reason).Contains(s, StringComparison.Ordinal));
        Assert.DoesNotContain(_app.Logs.Events, e => secrets.Any(s => e.RenderMessage().Contains(s, StringComparison.Ordinal)
            || e.Properties.Values.Any(v => v.ToString().Contains(s, StringComparison.Ordinal))));
        Assert.Contains(_app.Logs.Messages(LogEventLevel.Information), m => m.Contains("nguyenvana@danvan.local") && m.Contains("created"));
    }

    [Fact]
    public async Task The_create_form_explains_bad_input_at_the_field_and_creates_nothing()
    {
        var admin = await _app.SignedInAsync("admin@danvan.local");
        var page = await admin.GetDocumentAsync("/admin/users/new");
        var btcd = page.UnitId("BTCD");
        async Task<AngleSharp.Dom.IDocument> Post(params (string, string)[] values) =>
            await FormClient.ParseAsync(await admin.PostAsync(page.UserForm(), values));

        var duplicate = await Post(("FullName", "Người trùng"), ("Email", "BTCD@DanVan.local"), ("Roles", Roles.UnitStaff), ("UnitIds", btcd));
        Assert.Contains("đã được sử dụng", duplicate.FieldError("Email"));
        Assert.Equal("Người trùng", duplicate.QuerySelector<IHtmlInputElement>("#FullName")!.Value); // what was typed stays

        var noUnit = await Post(("FullName", "Cán bộ mới"), ("Email", "moi@danvan.local"), ("Roles", Roles.UnitStaff));
        Assert.Contains("ít nhất một đơn vị", noUnit.FieldError("UnitIds"));

        var noRole = await Post(("FullName", "Cán bộ mới"), ("Email", "moi@danvan.local"));
        Assert.Contains("ít nhất một vai trò", noRole.FieldError("Roles"));

        var unitForCompiler = await Post(("FullName", "Cán bộ mới"), ("Email", "moi@danvan.local"), ("Roles", Roles.Compiler), ("UnitIds", btcd));
        Assert.Contains("Chỉ cán bộ đơn vị", unitForCompiler.FieldError("UnitIds"));

        var bad = await Post(("FullName", "   "), ("Email", "khong-phai-email"), ("Roles", "SuperUser"), ("UnitIds", "999999"));
        Assert.Contains("họ tên", bad.FieldError("FullName"));
        Assert.Contains("không hợp lệ", bad.FieldError("Email"));
        Assert.Contains("Vai trò không hợp lệ", bad.FieldError("Roles"));
        Assert.Contains("Đơn vị không hợp lệ", bad.FieldError("UnitIds"));

        var tooLong = await Post(("FullName", new string('A', 300)), ("Email", new string('a', 300) + "@danvan.local"), ("Roles", Roles.Leader));
        Assert.Contains("256", tooLong.FieldError("FullName"));
        Assert.Contains("không hợp lệ", tooLong.FieldError("Email"));

        var users = await admin.GetDocumentAsync("/admin/users");
        Assert.Equal(DemoUsers.All.Count, users.QuerySelectorAll("[data-testid='users'] tbody tr").Length);
        Assert.Empty(await _app.AuditAsync("user."));
    }

    [Fact]
    public async Task The_api_refuses_a_user_who_has_not_set_a_password_yet()
    {
        var admin = await _app.SignedInAsync("admin@danvan.local");
        await admin.CreateUserAsync("lanhdao2@danvan.local", "Lãnh đạo mới", Roles.Leader);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.ApiLoginAsync("lanhdao2@danvan.local", SeedOptions.DemoPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.ApiLoginAsync("lanhdao2@danvan.local", "")).StatusCode);
    }
}
