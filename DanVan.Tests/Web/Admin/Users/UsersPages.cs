using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DanVan.Data;
using DanVan.Data.Identity;
using DanVan.Domain.Auditing;
using DanVan.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Web.Admin.Users;

/// <summary>The admin's users pages as a browser drives them: read a form, post what a person would tick and type.</summary>
public static class UsersPages
{
    public const string NewPassword = "Núi Ấn sông Trà một câu đủ dài";

    /// <summary>The successful controls of a form (text, hidden, checked boxes), in document order.</summary>
    public static List<KeyValuePair<string, string>> Fields(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>())
        {
            if (string.IsNullOrEmpty(input.Name) || input.Type is "submit" or "button") continue;
            if (input.Type is "checkbox" or "radio" && !input.IsChecked) continue;
            fields.Add(new(input.Name!, input.Value));
        }
        return fields;
    }

    /// <summary>Posts the form with some fields replaced; a replaced multi-value field (Roles, UnitIds) gets all the given values.</summary>
    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, IHtmlFormElement form, params (string Name, string Value)[] values)
    {
        var names = values.Select(v => v.Name).ToHashSet();
        var fields = Fields(form).Where(f => !names.Contains(f.Key)).ToList();
        fields.AddRange(values.Where(v => v.Value is not null).Select(v => new KeyValuePair<string, string>(v.Name, v.Value)));
        return client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }

    public static IHtmlFormElement UserForm(this IDocument page) => page.QuerySelector<IHtmlFormElement>("form[data-testid='user-form']")!;

    public static IHtmlFormElement ActionForm(this IDocument page, string action) =>
        page.QuerySelectorAll<IHtmlFormElement>("form").Single(f => (f.GetAttribute("action") ?? "").EndsWith("/" + action, StringComparison.Ordinal));

    public static string UnitId(this IDocument page, string code)
    {
        var box = page.QuerySelectorAll<IHtmlInputElement>("input[name='UnitIds']")
            .Single(i => page.QuerySelector($"label[for='{i.Id}']")!.TextContent.Contains($"({code})", StringComparison.Ordinal));
        return box.Value;
    }

    public static string? FieldError(this IDocument page, string field) =>
        page.QuerySelector($"span[data-valmsg-for='{field}']")?.TextContent.Trim() is { Length: > 0 } text ? text : null;

    public static string? Message(this IDocument page) => page.QuerySelector("[data-testid='message']")?.TextContent.Trim();

    /// <summary>Creates a user through the form and returns the one-time link shown to the admin (path and query).</summary>
    public static async Task<string> CreateUserAsync(this HttpClient admin, string email, string name, string role, params string[] units)
    {
        var page = await admin.GetDocumentAsync("/admin/users/new");
        var values = new List<(string, string)> { ("FullName", name), ("Email", email), ("Roles", role) };
        values.AddRange(units.Select(u => ("UnitIds", page.UnitId(u))));
        var response = await admin.PostAsync(page.UserForm(), [.. values]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return LinkOf(await FormClient.ParseAsync(response));
    }

    public static string LinkOf(IDocument page)
    {
        var link = page.QuerySelector<IHtmlTextAreaElement>("[data-testid='set-password-link']")?.Value.Trim();
        Assert.False(string.IsNullOrEmpty(link), "no set-password link on the page: " + page.Body?.TextContent);
        return new Uri(link).PathAndQuery;
    }

    /// <summary>Opens the link anonymously and sets the password; returns the response of the post.</summary>
    public static async Task<HttpResponseMessage> SetPasswordAsync(this DanVanFactory app, string link, string password, string? confirm = null)
    {
        var client = app.CreateBrowser();
        var page = await client.GetDocumentAsync(link);
        var form = page.QuerySelector<IHtmlFormElement>("form[action='/Account/SetPassword']");
        Assert.True(form is not null, "the link was refused: " + page.QuerySelector("[data-testid='invalid-link']")?.TextContent);
        return await client.PostAsync(form, ("NewPassword", password), ("ConfirmPassword", confirm ?? password));
    }

    public static async Task<string> UserIdAsync(this DanVanFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return (await users.FindByEmailAsync(email))!.Id;
    }

    public static async Task<AppUser> UserAsync(this DanVanFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
        var normalized = email.ToUpperInvariant();
        return await db.Users.AsNoTracking().Include(u => u.Units).SingleAsync(u => u.NormalizedEmail == normalized);
    }

    public static async Task<List<AuditEntry>> AuditAsync(this DanVanFactory app, string actionPrefix)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Action.StartsWith(actionPrefix)).OrderBy(a => a.Id).ToListAsync();
    }

    public static async Task<HttpClient> EditPageClientAsync(this DanVanFactory app) => await app.SignedInAsync("admin@danvan.local");

    public static async Task<IDocument> EditPageAsync(this HttpClient admin, DanVanFactory app, string email) =>
        await admin.GetDocumentAsync("/admin/users/" + await app.UserIdAsync(email));

    /// <summary>Posts a form and follows the redirect back to the page it names.</summary>
    public static async Task<IDocument> PostAndFollowAsync(this HttpClient client, IHtmlFormElement form, params (string Name, string Value)[] values)
    {
        var response = await client.PostAsync(form, values);
        if (response.StatusCode != HttpStatusCode.Redirect) return await FormClient.ParseAsync(response);
        return await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
    }

    public static async Task<HttpResponseMessage> ApiLoginAsync(this DanVanFactory app, string email, string password, string? twoFactorCode = null, string? recoveryCode = null) =>
        await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password, twoFactorCode, twoFactorRecoveryCode = recoveryCode });

    public static async Task<HttpClient> ApiAsync(this DanVanFactory app, string email, string password)
    {
        var login = await app.ApiLoginAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        using var json = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("accessToken").GetString());
        return client;
    }

    public static async Task<HttpClient> SignedInAsync(this DanVanFactory app, string email, string password)
    {
        var client = app.CreateBrowser();
        var response = await client.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static bool IsSignInRedirect(this HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Account/Login", StringComparison.Ordinal);
}
