using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DanVan.Tests.Support;

namespace DanVan.Tests.Web.Entry;

[Collection(SharedPortal.Name)]
public sealed class AccessTests(DanVanFactory factory)
{
    [Theory]
    [InlineData("/entry/2021-Y/TTPVHCC")]
    [InlineData("/entry/2021-H1/TTPVHCC")]
    [InlineData("/entry/2021-H1/TTPVHCC/history/HS.TONG")]
    [InlineData("/review/2021-H1")]
    public async Task Staff_of_one_unit_cannot_read_another_units_submission(string url)
    {
        var btcd = await factory.SignedInAsync("btcd@danvan.local");

        var response = await btcd.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString);
        var denied = await btcd.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("không có quyền", await denied.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Staff_cannot_post_into_another_units_submission_nor_smuggle_its_codes()
    {
        var btcd = await factory.SignedInAsync("btcd@danvan.local");
        var own = await EntryPage.OpenAsync(btcd, "2021-Y", "BTCD");
        var token = own.Form.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;

        var other = await btcd.PostAsync("/entry/2021-Y/TTPVHCC", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["v:HS.TONG"] = "1", ["command"] = "save",
        }));
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.Contains("/Account/AccessDenied", other.Headers.Location!.OriginalString);

        var smuggled = await own.SaveAsync(new Dictionary<string, string> { ["v:HS.TONG"] = "1", ["Status"] = "4", ["UnitId"] = "3" });
        Assert.Equal(HttpStatusCode.BadRequest, smuggled.StatusCode);
        Assert.Contains("không thuộc phiếu", await smuggled.Content.ReadAsStringAsync());

        var compiler = await factory.SignedInAsync("tonghop@danvan.local");
        var ttpvhcc = await EntryPage.OpenAsync(compiler, "2021-Y", "TTPVHCC");
        Assert.Equal("", ttpvhcc.ValueOf("HS.TONG"));
    }

    [Theory]
    [InlineData("tonghop@danvan.local")]
    [InlineData("lanhdao@danvan.local")]
    [InlineData("admin@danvan.local")]
    public async Task Compilers_leaders_and_admins_read_every_submission_but_cannot_write_figures(string email)
    {
        var client = await factory.SignedInAsync(email);

        var page = await EntryPage.OpenAsync(client, "2021-Y", "BTCD");
        Assert.True(page.IsReadOnly);

        var response = await page.SaveAsync(new Dictionary<string, string> { ["v:DON.TONG"] = "9" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/entry/2099-H1/BTCD")]
    [InlineData("/entry/2021-Y/NOPE")]
    [InlineData("/entry/not-a-period/BTCD")]
    [InlineData("/entry/2021-Y/VPUBND")]
    [InlineData("/review/2099-Y")]
    public async Task Unknown_period_or_unit_is_404(string url)
    {
        var compiler = await factory.SignedInAsync("tonghop@danvan.local");
        Assert.Equal(HttpStatusCode.NotFound, (await compiler.GetAsync(url)).StatusCode);
    }
}
