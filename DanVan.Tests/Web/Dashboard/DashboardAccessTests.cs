using System.Net;
using DanVan.Tests.Support;

namespace DanVan.Tests.Web.Dashboard;

/// <summary>
/// Leaders, compilers and admins read the office-wide dashboard; unit staff get 403 for it and for the drill-down of
/// any unit but their own, which they may read.
/// </summary>
[Collection(SharedPortal.Name)]
public sealed class DashboardAccessTests(DanVanFactory factory)
{
    [Fact]
    public async Task A_leader_sees_every_unit_and_finds_the_dashboard_in_the_menu_and_on_the_home_page()
    {
        var leader = await factory.SignedInAsync("lanhdao@danvan.local");

        var home = await leader.GetDocumentAsync("/");
        Assert.Equal("/dashboard", home.QuerySelector("[data-testid='nav-dashboard']")?.GetAttribute("href"));
        Assert.Equal("/dashboard", home.QuerySelector("[data-testid='dashboard-link'] a")?.GetAttribute("href"));

        var page = await leader.GetDocumentAsync("/dashboard");
        var tiles = page.QuerySelectorAll("[data-testid='unit-tiles'] [data-unit]").ToList();
        var units = tiles.Select(t => t.GetAttribute("data-unit")).ToList();
        Assert.Equal(["HCTC", "KSTTHC", "TTPVHCC", "BTCD"], units);
        Assert.Equal("Ban Tiếp công dân tỉnh – Đã tiếp nhận", tiles[3].GetAttribute("title"));
        Assert.All(tiles, t => Assert.StartsWith("/dashboard/unit/" + t.GetAttribute("data-unit"), t.GetAttribute("href")));
        // The Trung tâm has a violation (explained): it is listed among the units to look at, with a link to its submission.
        var attention = page.QuerySelectorAll("[data-testid='unit-statuses'] tbody tr").ToList();
        Assert.Equal(["TTPVHCC"], attention.Select(r => r.GetAttribute("data-unit")));
        Assert.Contains(attention[0].QuerySelectorAll("a"), a => a.GetAttribute("href") == "/entry/2021-H1/TTPVHCC");

        foreach (var unit in units)
            Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/dashboard/unit/{unit}")).StatusCode);
    }

    [Theory]
    [InlineData("tonghop@danvan.local")]
    [InlineData("admin@danvan.local")]
    public async Task Compilers_and_admins_open_the_dashboard_too(string email)
    {
        var client = await factory.SignedInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard/print?period=2021-H1")).StatusCode);
        var home = await client.GetDocumentAsync("/");
        Assert.NotNull(home.QuerySelector("[data-testid='nav-dashboard']"));
    }

    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/dashboard?period=2021-H1")]
    [InlineData("/dashboard/print?period=2021-H1")]
    [InlineData("/dashboard/unit/TTPVHCC")]
    [InlineData("/dashboard/unit/HCTC?period=2021-H1")]
    public async Task Unit_staff_get_403_for_the_office_dashboard_and_for_other_units(string url)
    {
        var btcd = await factory.SignedInAsync("btcd@danvan.local");

        var response = await btcd.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString);
        var denied = await btcd.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task Unit_staff_open_the_drill_down_of_their_own_unit_only_from_their_home_page()
    {
        var btcd = await factory.SignedInAsync("btcd@danvan.local");
        var home = await btcd.GetDocumentAsync("/");
        Assert.Null(home.QuerySelector("[data-testid='nav-dashboard']"));
        var link = home.QuerySelector("[data-testid='unit-dashboards'] a")!.GetAttribute("href");
        Assert.Equal("/dashboard/unit/BTCD", link);

        var page = await btcd.GetDocumentAsync(link!);
        Assert.Equal("Ban Tiếp công dân tỉnh", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("DON.TONG", page.QuerySelectorAll("[data-testid='unit-figures'] tbody tr").Select(r => r.GetAttribute("data-code")));
        Assert.DoesNotContain("HS.TONG", page.QuerySelectorAll("[data-testid='unit-figures'] tbody tr").Select(r => r.GetAttribute("data-code")));
    }

    [Theory]
    [InlineData("/api/v1/periods/2021-H1/dashboard", HttpStatusCode.Forbidden)]
    [InlineData("/api/v1/periods/latest/dashboard", HttpStatusCode.Forbidden)]
    [InlineData("/api/v1/periods/2021-H1/dashboard?unit=TTPVHCC", HttpStatusCode.Forbidden)]
    [InlineData("/api/v1/periods/2021-H1/dashboard?unit=BTCD", HttpStatusCode.OK)]
    [InlineData("/api/v1/periods/2021-H1/dashboard?unit=btcd", HttpStatusCode.OK)]
    public async Task Api_gives_unit_staff_their_own_unit_and_403_for_the_rest(string url, HttpStatusCode expected)
    {
        var btcd = await factory.ApiAsync("btcd@danvan.local");
        var response = await btcd.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Forbidden)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Api_answers_anonymous_callers_with_401_and_leaders_with_200()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/periods/2021-H1/dashboard")).StatusCode);
        var leader = await factory.ApiAsync("lanhdao@danvan.local");
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync("/api/v1/periods/2021-H1/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync("/api/v1/periods/2021-H1/dashboard?unit=TTPVHCC")).StatusCode);
    }
}
