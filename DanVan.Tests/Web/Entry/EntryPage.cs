using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DanVan.Tests.Support;

namespace DanVan.Tests.Web.Entry;

/// <summary>The entry form of one (period, unit) as a test sees it.</summary>
public sealed class EntryPage(HttpClient client, IDocument document)
{
    public IDocument Document { get; } = document;
    public IHtmlFormElement Form => Document.QuerySelector<IHtmlFormElement>("#entry-form")!;
    public string Status => Document.QuerySelector("[data-testid='status']")!.TextContent.Trim();
    public string? ValueOf(string code) => Document.QuerySelector<IHtmlInputElement>($"input[name='v:{code}']")?.Value;
    public string? ErrorOf(string code) => Document.QuerySelector($"[data-error-for='{code}']")?.TextContent.Trim();
    public string? ComputedOf(string code) => Document.QuerySelector($"output[data-code='{code}']")?.TextContent.Trim();
    public string Violations => Document.QuerySelector("[data-testid='violations']")!.TextContent;
    public bool IsReadOnly => Document.QuerySelector("[data-testid='read-only']") is not null;
    public string? Message => Document.QuerySelector("[data-testid='message']")?.TextContent.Trim();

    public static async Task<EntryPage> OpenAsync(HttpClient client, string period, string unit)
    {
        var response = await client.GetAsync($"/entry/{period}/{unit}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new EntryPage(client, await FormClient.ParseAsync(response));
    }

    public Task<HttpResponseMessage> SaveAsync(IDictionary<string, string> fields) => PostAsync(fields, "save");

    public Task<HttpResponseMessage> SendAsync(IDictionary<string, string> fields) => PostAsync(fields, "submit");

    private Task<HttpResponseMessage> PostAsync(IDictionary<string, string> fields, string command)
    {
        var all = new Dictionary<string, string>(fields) { ["command"] = command };
        return client.PostWholeFormAsync(Form, all);
    }

    public static async Task<EntryPage> FromResponseAsync(HttpClient client, HttpResponseMessage response) =>
        new(client, await FormClient.ParseAsync(response));
}
