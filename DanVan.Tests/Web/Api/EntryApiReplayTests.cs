using System.Net;
using System.Net.Http.Json;
using DanVan.Tests.Support;

namespace DanVan.Tests.Web.Api;

/// <summary>What the API answers to a repeated request and where it says a bad field is.</summary>
public sealed class EntryApiReplayTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private const string Btcd = "/api/v1/periods/2021-Y/units/BTCD";

    private static HttpRequestMessage Put(object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, Btcd + "/values") { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    [Fact]
    public async Task An_identical_replay_with_the_same_if_match_is_a_no_op_not_412()
    {
        var staff = await _app.ApiAsync("btcd@danvan.local");
        var etag = (await staff.PutAsJsonAsync(Btcd + "/values", new { values = new Dictionary<string, object?> { ["DON.TONG"] = 1 } })).Headers.ETag!.Tag;
        var body = new { values = new Dictionary<string, object?> { ["DON.TONG"] = 2 } };

        var first = await staff.SendAsync(Put(body, etag));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var replay = await staff.SendAsync(Put(body, etag));

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(first.Headers.ETag!.Tag, replay.Headers.ETag!.Tag);
        Assert.Equal(2m, (await replay.JsonAsync()).GetProperty("values").GetProperty("DON.TONG").GetDecimal());
        var different = await staff.SendAsync(Put(new { values = new Dictionary<string, object?> { ["DON.TONG"] = 3 } }, etag));
        Assert.Equal(HttpStatusCode.PreconditionFailed, different.StatusCode);
    }

    [Fact]
    public async Task Errors_are_keyed_by_the_field_sent_not_by_text_quoted_in_the_message()
    {
        var staff = await _app.ApiAsync("btcd@danvan.local");
        var unknown = "KHONG.CO." + new string('X', 70);

        var response = await staff.PutAsJsonAsync(Btcd + "/values", new
        {
            values = new Dictionary<string, object?> { [unknown] = 1, ["DON.TONG"] = 5 },
            reason = new string('r', 1001),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal([unknown, "reason"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Contains("không thuộc phiếu", errors.GetProperty(unknown)[0].GetString());
        Assert.Contains("Lý do quá dài", errors.GetProperty("reason")[0].GetString());
    }
}
