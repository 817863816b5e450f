using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DanVan.Tests.Support;

namespace DanVan.Tests.Web;

[Collection(SharedPortal.Name)]
public sealed class SignInTests(DanVanFactory factory)
{
    [Fact]
    public async Task Sign_in_page_is_Vietnamese_and_says_it_runs_with_demo_data()
    {
        var client = factory.CreateBrowser();
        var response = await client.GetAsync("/Account/Login");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"vi\">", html);
        Assert.Contains("Đăng nhập", html);
        Assert.Contains("Mật khẩu", html);
        Assert.Contains("dữ liệu mẫu", html);
        Assert.DoesNotContain("&#x", html); // Vietnamese letters are written as they are, not as entities
        var document = await FormClient.ParseAsync(response);
        Assert.NotNull(document.QuerySelector("input[name='__RequestVerificationToken']"));
    }

    [Theory]
    [InlineData("admin@danvan.local", "Quản trị hệ thống", "admin-summary")]
    [InlineData("tonghop@danvan.local", "Tổng hợp số liệu các đơn vị", "completeness")]
    [InlineData("lanhdao@danvan.local", "Tổng quan các kỳ báo cáo", "completeness")]
    [InlineData("btcd@danvan.local", "Kỳ báo cáo của đơn vị", "unit-periods")]
    [InlineData("ttpvhcc@danvan.local", "Kỳ báo cáo của đơn vị", "unit-periods")]
    [InlineData("kstthc@danvan.local", "Kỳ báo cáo của đơn vị", "unit-periods")]
    [InlineData("hctc@danvan.local", "Kỳ báo cáo của đơn vị", "unit-periods")]
    public async Task Each_demo_user_signs_in_and_lands_on_the_home_page_of_their_role(string email, string heading, string marker)
    {
        var client = factory.CreateBrowser();

        var signIn = await client.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);

        var home = await client.GetDocumentAsync("/");
        Assert.Equal(heading, home.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(home.QuerySelector($"[data-testid='{marker}']"));
        Assert.Contains(email, home.QuerySelector("[data-testid='user-name']")?.TextContent);
    }

    [Fact]
    public async Task Unit_staff_sees_only_their_own_unit_with_status_and_days_left()
    {
        var client = factory.CreateBrowser();
        await client.SignInAsync("btcd@danvan.local");

        var home = await client.GetDocumentAsync("/");
        var rows = home.QuerySelectorAll("[data-testid='unit-periods'] tbody tr").Select(r => r.TextContent).ToList();

        // 2021-Y and 2021-H1 first, then the demo's illustrative history, newest first and marked as such.
        Assert.Equal(6, rows.Count);
        Assert.All(rows, r => Assert.Contains("Ban Tiếp công dân tỉnh", r));
        Assert.True(rows[0].Contains("năm 2021") && rows[0].Contains("Chưa nhập") && rows[0].Contains("14 ngày"), rows[0]);
        Assert.True(rows[1].Contains("6 tháng đầu năm 2021") && rows[1].Contains("Đã tiếp nhận") && rows[1].Contains("Đã khóa"), rows[1]);
        Assert.DoesNotContain("Dữ liệu minh họa", rows[0] + rows[1]);
        Assert.Equal(["2020-Y", "2020-H1", "2019-Y", "2019-H1"], rows.Skip(2).Select(r => r.Split('(', ')')[1]));
        Assert.All(rows.Skip(2), r => Assert.True(r.Contains("Dữ liệu minh họa") && r.Contains("Đã tiếp nhận") && r.Contains("Đã khóa"), r));
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_Vietnamese_message()
    {
        var client = factory.CreateBrowser();

        var response = await client.SignInAsync("hctc@danvan.local", "not-the-password");
        var page = await FormClient.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Email hoặc mật khẩu không đúng.", page.QuerySelector(".alert-danger")?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_without_antiforgery_token_is_refused()
    {
        var client = factory.CreateBrowser();
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "admin@danvan.local",
            ["Password"] = DanVan.Data.Seeding.SeedOptions.DemoPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var client = factory.CreateBrowser();
        await client.SignInAsync("lanhdao@danvan.local");
        var home = await client.GetDocumentAsync("/");
        var logout = home.QuerySelector<IHtmlFormElement>("form[action='/Account/Logout']")!;

        var response = await client.PostFormAsync(logout, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location?.PathAndQuery ?? after.Headers.Location?.OriginalString);
    }
}
