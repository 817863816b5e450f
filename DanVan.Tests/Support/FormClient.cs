using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace DanVan.Tests.Support;

/// <summary>Drives pages as a browser would: GET a page, parse it, post its form with the antiforgery token.</summary>
public static class FormClient
{
    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ParseAsync(response);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(req => req.Content(html).Address(response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/"));
    }

    /// <summary>Posts the form (with its hidden fields, antiforgery token included) and the given field values.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, IHtmlFormElement form, IDictionary<string, string> fields)
    {
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name) && i.Type is "hidden")
            .ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (name, value) in fields) values[name] = value;
        var action = form.GetAttribute("action") ?? "";
        return client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>Posts every field of the form as the browser would (inputs and textareas), with overrides.</summary>
    public static Task<HttpResponseMessage> PostWholeFormAsync(this HttpClient client, IHtmlFormElement form, IDictionary<string, string> overrides)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>())
        {
            if (string.IsNullOrEmpty(input.Name) || input.Type is "submit" or "button") continue;
            values.Add(new(input.Name!, input.Value));
        }
        foreach (var area in form.Elements.OfType<IHtmlTextAreaElement>())
        {
            if (!string.IsNullOrEmpty(area.Name)) values.Add(new(area.Name!, area.Value));
        }
        var merged = values.Where(v => !overrides.ContainsKey(v.Key)).Concat(overrides).ToList();
        return client.PostAsync(form.GetAttribute("action") ?? "", new FormUrlEncodedContent(merged));
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = DanVan.Data.Seeding.SeedOptions.DemoPassword)
    {
        var page = await client.GetDocumentAsync("/Account/Login");
        var form = page.QuerySelector<IHtmlFormElement>("form[action='/Account/Login']")!;
        return await client.PostFormAsync(form, new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
    }
}
