using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DanVan.Data;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Web.Admin.Templates;

/// <summary>An admin driving /admin/templates as a browser would: open a page, fill one of its forms, post it.</summary>
public sealed class TemplateAdminClient(HttpClient client)
{
    public HttpClient Http { get; } = client;

    public static async Task<TemplateAdminClient> SignInAsync(DanVanFactory app) => new(await app.SignedInAsync("admin@danvan.local"));

    public Task<IDocument> PageAsync(string url) => Http.GetDocumentAsync(url);

    /// <summary>"Sửa đề cương": the id of the draft it opens.</summary>
    public async Task<int> CreateDraftAsync()
    {
        var response = await PostAsync("/admin/templates", "form[action='/admin/templates/draft']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Opens a page, takes the form matching the selector, posts its hidden fields (stamp, token) with the given values.</summary>
    public async Task<HttpResponseMessage> PostAsync(string pageUrl, string formSelector, IDictionary<string, string> fields)
    {
        var page = await PageAsync(pageUrl);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector);
        Assert.True(form is not null, $"No form {formSelector} on {pageUrl}");
        return await Http.PostFormAsync(form!, fields);
    }

    /// <summary>Posts and follows the redirect of a successful action, answering the page it lands on.</summary>
    public async Task<IDocument> PostAndFollowAsync(string pageUrl, string formSelector, IDictionary<string, string> fields)
    {
        var response = await PostAsync(pageUrl, formSelector, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Expected a redirect, got {(int)response.StatusCode}: {await Message(response)}");
        return await PageAsync(response.Headers.Location!.OriginalString);
    }

    /// <summary>The message and field errors of a refused form, as the page shows them.</summary>
    public static async Task<string> Message(HttpResponseMessage response)
    {
        var page = await FormClient.ParseAsync(response);
        var parts = page.QuerySelectorAll("[data-testid='message'], .invalid-feedback").Select(e => e.TextContent.Trim()).ToList();
        return parts.Count > 0 ? string.Join(" | ", parts) : page.Body?.TextContent.Trim() ?? "";
    }

    public static async Task<T> WithDbAsync<T>(DanVanFactory app, Func<DanVanDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<DanVanDbContext>());
    }

    public static Task<int> IndicatorIdAsync(DanVanFactory app, int templateId, string code) =>
        WithDbAsync(app, db => db.Indicators.Where(i => i.TemplateId == templateId && i.Code == code).Select(i => i.Id).SingleAsync());

    public static Task<int> RuleIdAsync(DanVanFactory app, int templateId, string code) =>
        WithDbAsync(app, db => db.Rules.Where(r => r.TemplateId == templateId && r.Code == code).Select(r => r.Id).SingleAsync());

    public static Task<int> SectionIdAsync(DanVanFactory app, int templateId, string key) =>
        WithDbAsync(app, db => db.OutlineSections.Where(s => s.TemplateId == templateId && s.Key == key).Select(s => s.Id).SingleAsync());
}
