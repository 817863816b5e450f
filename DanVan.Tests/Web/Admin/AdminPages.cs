using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DanVan.Data;
using DanVan.Domain.Auditing;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Web.Admin;

/// <summary>Shared steps of the admin tests: post a page's form, read the database.</summary>
internal static class AdminPages
{
    public static IHtmlFormElement Form(this IDocument page, string selector) =>
        page.QuerySelector<IHtmlFormElement>(selector) ?? throw new InvalidOperationException($"No form {selector} on {page.Url}");

    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, string url, string formSelector, IDictionary<string, string> fields)
    {
        var page = await client.GetDocumentAsync(url);
        return await client.PostFormAsync(page.Form(formSelector), fields);
    }

    /// <summary>The text of the element a field's validation message is written in.</summary>
    public static string FieldError(this IDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";

    public static async Task<T> DbAsync<T>(this DanVanFactory app, Func<DanVanDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<DanVanDbContext>());
    }

    public static Task<List<AuditEntry>> AuditAsync(this DanVanFactory app, string action) =>
        app.DbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync());
}
