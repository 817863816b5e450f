using System.Net;
using System.Net.Http.Json;
using DanVan.Tests.Support;

namespace DanVan.Tests.Web.Dashboard;

/// <summary>The dashboard keeps its sums between requests; a saved figure must show on the very next request.</summary>
public sealed class DashboardFreshnessTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_figure_saved_by_a_unit_shows_on_the_next_dashboard_request()
    {
        var leader = await _app.ApiAsync("lanhdao@danvan.local");
        async Task<decimal?> LettersAsync()
        {
            var model = await (await leader.GetAsync("/api/v1/periods/2021-Y/dashboard")).JsonAsync();
            var value = model.GetProperty("cards").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "don-thu").GetProperty("value");
            return value.ValueKind == System.Text.Json.JsonValueKind.Null ? null : value.GetDecimal();
        }

        Assert.Null(await LettersAsync());
        Assert.Null(await LettersAsync()); // now from the cache

        var staff = await _app.ApiAsync("btcd@danvan.local");
        var saved = await staff.PutAsJsonAsync("/api/v1/periods/2021-Y/units/BTCD/values", new { values = new Dictionary<string, object?> { ["DON.TONG"] = 321 } });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(321m, await LettersAsync());

        saved = await staff.PutAsJsonAsync("/api/v1/periods/2021-Y/units/BTCD/values", new { values = new Dictionary<string, object?> { ["DON.TONG"] = 322 } });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(322m, await LettersAsync());
    }
}
