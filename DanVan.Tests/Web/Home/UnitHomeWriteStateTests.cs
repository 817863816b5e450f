using System.Net;
using DanVan.Tests.Support;
using DanVan.Tests.Web.Admin;

namespace DanVan.Tests.Web.Home;

/// <summary>The unit's home page says what the submission says: locked, past the deadline, or reopened until a day.</summary>
public sealed class UnitHomeWriteStateTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();
    private HttpClient _admin = null!;

    public async Task InitializeAsync() => _admin = await _app.SignedInAsync("admin@danvan.local");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> YearRowAsync()
    {
        var unit = await _app.SignedInAsync("btcd@danvan.local");
        var home = await unit.GetDocumentAsync("/");
        return home.QuerySelectorAll("[data-testid='unit-periods'] tbody tr").Select(r => r.TextContent).First(r => r.Contains("(2021-Y)"));
    }

    [Fact]
    public async Task A_sheet_locked_by_the_admin_shows_as_locked_on_the_units_home_page()
    {
        var locked = await _admin.SubmitAsync("/admin/periods/2021-Y", "tr[data-unit='BTCD'] form[data-action='lock']",
            new Dictionary<string, string> { ["reason"] = "Đơn vị đang được sáp nhập." });
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);

        var row = await YearRowAsync();
        Assert.Contains("Đã khóa", row);
        Assert.DoesNotContain("14 ngày", row);
    }

    [Fact]
    public async Task Past_the_deadline_is_not_called_locked_and_a_reopened_sheet_shows_until_when()
    {
        _app.Clock.Advance(TimeSpan.FromDays(15));
        var late = await YearRowAsync();
        Assert.Contains("Đã quá hạn", late);
        Assert.DoesNotContain("Đã khóa", late);

        var admin = await _app.SignedInAsync("admin@danvan.local"); // the earlier session has expired meanwhile
        var reopened = await admin.SubmitAsync("/admin/periods/2021-Y", "tr[data-unit='BTCD'] form[data-action='reopen']",
            new Dictionary<string, string> { ["until"] = "2026-12-20", ["reason"] = "Đơn vị bổ sung đơn thư." });
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);

        var open = await YearRowAsync();
        Assert.Contains("Mở lại đến 20/12/2026", open);
        Assert.DoesNotContain("Đã khóa", open);
        Assert.DoesNotContain("Đã quá hạn", open);
    }
}
