using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DanVan.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Web.Security;

/// <summary>
/// Deny by default: every endpoint the portal maps × anonymous and every role, against the allowed set written here.
/// A new endpoint fails this test until someone decides who may use it.
/// </summary>
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private const string Anon = "anon", Admin = "admin", Compiler = "compiler", Leader = "leader", Own = "staff-own", Other = "staff-other", Clerk = "clerk";
    private static readonly string[] Everyone = [Anon, Admin, Compiler, Leader, Own, Other, Clerk];
    private static readonly string[] SignedIn = [Admin, Compiler, Leader, Own, Other, Clerk];
    private static readonly string[] Readers = [Admin, Compiler, Leader];
    private static readonly string[] ReportReaders = [Admin, Compiler, Leader, Clerk];
    private static readonly string[] ReadersAndOwn = [Admin, Compiler, Leader, Own];

    /// <summary>METHOD route → who may use it. Entry routes point at BTCD, whose staff is "staff-own".</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["GET /"] = SignedIn,
        ["GET /Home/Index"] = SignedIn,
        ["GET /Home/Error"] = Everyone,
        ["GET /Home/Status"] = Everyone,
        ["GET /Account/Login"] = Everyone,
        ["POST /Account/Login"] = Everyone,
        ["POST /Account/Logout"] = SignedIn,
        ["GET /Account/ChangePassword"] = SignedIn,
        ["POST /Account/ChangePassword"] = SignedIn,
        ["GET /health/live"] = Everyone,
        ["GET /health/ready"] = Everyone,
        ["GET /openapi/{documentName}.json"] = SignedIn,
        ["GET /scalar/{documentName?}"] = SignedIn,
        // Scalar's own script and icon: vendor files, public like /lib (the API reference page itself needs sign-in).
        ["GET /scalar/scalar.js"] = Everyone,
        ["GET /scalar/scalar.aspnetcore.js"] = Everyone,
        ["GET /scalar/favicon.svg"] = Everyone,
        ["GET /entry/{period}/{unit}"] = ReadersAndOwn,
        ["POST /entry/{period}/{unit}"] = [Own],
        ["POST /entry/{period}/{unit}/autosave"] = [Own],
        ["GET /entry/{period}/{unit}/history/{code}"] = ReadersAndOwn,
        ["GET /entry/{period}/{unit}/excel"] = ReadersAndOwn,
        ["POST /entry/{period}/{unit}/import"] = [Own],
        ["GET /review/{period}"] = Readers,
        ["POST /review/{period}/{unit}/accept"] = [Compiler],
        ["POST /review/{period}/{unit}/return"] = [Compiler],
        ["POST /review/{period}/{unit}/reopen"] = [Admin],
        ["GET /reports"] = ReportReaders,
        ["GET /reports/{period}"] = ReportReaders,
        ["POST /reports/{period}/metadata"] = [Compiler],
        ["POST /reports/{period}/sections"] = [Compiler],
        ["POST /reports/{period}/copy-previous"] = [Compiler],
        ["POST /reports/{period}/submit"] = [Compiler],
        ["POST /reports/{period}/approve"] = [Leader],
        ["POST /reports/{period}/reject"] = [Leader],
        ["POST /reports/{period}/withdraw"] = [Compiler],
        ["POST /reports/{period}/revoke"] = [Leader],
        ["POST /reports/{period}/signatures"] = [Leader, Clerk],
        ["POST /reports/{period}/signing"] = [Leader, Clerk],
        ["GET /reports/{period}/preview"] = ReportReaders,
        ["GET /reports/{period}/download/{format}"] = ReportReaders,
        ["GET /dashboard"] = Readers,
        ["GET /dashboard/print"] = Readers,
        ["GET /dashboard/unit/{unit}"] = ReadersAndOwn,
        ["GET /api/v1/periods/{period}/dashboard"] = Readers,
        ["GET /api/v1/periods"] = SignedIn,
        ["POST /api/v1/auth/refresh"] = Everyone, // anonymous by design: the refresh token is the credential
        ["POST /api/v1/auth/logout"] = SignedIn, // ends refresh tokens only; the access tokens used here stay valid
        ["GET /api/v1/periods/{period}"] = SignedIn,
        ["POST /api/v1/periods"] = [Admin],
        ["GET /admin/periods"] = [Admin],
        ["GET /admin/periods/new"] = [Admin],
        ["GET /admin/periods/preview"] = [Admin],
        ["POST /admin/periods"] = [Admin],
        ["GET /admin/periods/{period}"] = [Admin],
        ["POST /admin/periods/{period}/deadlines"] = [Admin],
        ["POST /admin/periods/{period}/lock"] = [Admin],
        ["POST /admin/periods/{period}/reopen"] = [Admin],
        ["POST /admin/periods/{period}/units/{unit}/lock"] = [Admin],
        ["POST /admin/periods/{period}/units/{unit}/reopen"] = [Admin],
        ["GET /admin/units"] = [Admin],
        ["POST /admin/units"] = [Admin],
        ["GET /admin/units/{unit}"] = [Admin],
        ["POST /admin/units/{unit}/rename"] = [Admin],
        ["POST /admin/units/{unit}/move"] = [Admin],
        ["POST /admin/units/{unit}/retire"] = [Admin],
        ["POST /admin/units/{unit}/restore"] = [Admin],
        ["GET /api/v1/indicators"] = SignedIn,
        ["GET /api/v1/periods/{period}/units/{unit}"] = ReadersAndOwn,
        ["PUT /api/v1/periods/{period}/units/{unit}/values"] = [Own],
        ["POST /api/v1/periods/{period}/units/{unit}/submit"] = [Own],
        ["POST /api/v1/periods/{period}/units/{unit}/accept"] = [Compiler],
        ["POST /api/v1/periods/{period}/units/{unit}/return"] = [Compiler],
        ["GET /api/v1/periods/{period}/units/{unit}/history"] = ReadersAndOwn,
        ["GET /api/v1/periods/{period}/validation"] = Readers,
        ["GET /api/v1/periods/{period}/report"] = ReportReaders,
        ["PUT /api/v1/periods/{period}/report"] = [Compiler],
        ["GET /api/v1/periods/{period}/report.pdf"] = ReportReaders,
        ["GET /api/v1/periods/{period}/report.docx"] = ReportReaders,
        ["GET /api/v1/periods/{period}/report.html"] = ReportReaders,
        ["GET /api/v1/periods/{period}/appendix.xlsx"] = ReportReaders,
        ["POST /api/v1/periods/{period}/report/submit"] = [Compiler],
        ["POST /api/v1/periods/{period}/report/approve"] = [Leader],
        ["POST /api/v1/periods/{period}/report/reject"] = [Leader],
        ["POST /api/v1/periods/{period}/report/withdraw"] = [Compiler],
        ["POST /api/v1/periods/{period}/report/revoke"] = [Leader],
        ["POST /api/v1/periods/{period}/report/signing"] = [Leader, Clerk],
        ["POST /api/v1/periods/{period}/report/signatures"] = [Leader, Clerk],
        // The signing tool's one-time URLs: no sign-in by design, the unguessable single-use token is the credential.
        ["GET /api/v1/signing/{token}/file"] = Everyone,
        ["POST /api/v1/signing/{token}/signed"] = Everyone,
        ["GET /Account/SetPassword"] = Everyone,
        ["POST /Account/SetPassword"] = Everyone,
        ["GET /admin/users"] = [Admin],
        ["GET /admin/users/new"] = [Admin],
        ["POST /admin/users/new"] = [Admin],
        ["GET /admin/users/{userId}"] = [Admin],
        ["POST /admin/users/{userId}"] = [Admin],
        ["POST /admin/users/{userId}/disable"] = [Admin],
        ["POST /admin/users/{userId}/enable"] = [Admin],
        ["POST /admin/users/{userId}/sign-out"] = [Admin],
        ["POST /admin/users/{userId}/unlock"] = [Admin],
        ["POST /admin/users/{userId}/reset-password"] = [Admin],
        ["POST /admin/users/{userId}/reset-two-factor"] = [Admin],
        ["GET /Account/LoginTwoFactor"] = Everyone,
        ["POST /Account/LoginTwoFactor"] = Everyone,
        ["GET /admin/templates"] = [Admin],
        ["POST /admin/templates/draft"] = [Admin],
        ["POST /admin/templates/import"] = [Admin],
        ["GET /admin/templates/{id:int}"] = [Admin],
        ["GET /admin/templates/{id:int}/export"] = [Admin],
        ["POST /admin/templates/{id:int}/general"] = [Admin],
        ["POST /admin/templates/{id:int}/publish"] = [Admin],
        ["POST /admin/templates/{id:int}/discard"] = [Admin],
        ["GET /admin/templates/{id:int}/indicators"] = [Admin],
        ["POST /admin/templates/{id:int}/indicators"] = [Admin],
        ["GET /admin/templates/{id:int}/indicators/{indicatorId:int}"] = [Admin],
        ["POST /admin/templates/{id:int}/indicators/{indicatorId:int}"] = [Admin],
        ["POST /admin/templates/{id:int}/indicators/{indicatorId:int}/move"] = [Admin],
        ["POST /admin/templates/{id:int}/indicators/{indicatorId:int}/retire"] = [Admin],
        ["POST /admin/templates/{id:int}/indicators/{indicatorId:int}/restore"] = [Admin],
        ["POST /admin/templates/{id:int}/indicators/{indicatorId:int}/delete"] = [Admin],
        ["GET /admin/templates/{id:int}/rules"] = [Admin],
        ["GET /admin/templates/{id:int}/rules/new"] = [Admin],
        ["POST /admin/templates/{id:int}/rules/new"] = [Admin],
        ["GET /admin/templates/{id:int}/rules/{ruleId:int}"] = [Admin],
        ["POST /admin/templates/{id:int}/rules/{ruleId:int}"] = [Admin],
        ["POST /admin/templates/{id:int}/rules/{ruleId:int}/delete"] = [Admin],
        ["GET /admin/templates/{id:int}/outline"] = [Admin],
        ["POST /admin/templates/{id:int}/outline"] = [Admin],
        ["GET /admin/templates/{id:int}/outline/{sectionId:int}"] = [Admin],
        ["POST /admin/templates/{id:int}/outline/{sectionId:int}"] = [Admin],
        ["POST /admin/templates/{id:int}/outline/{sectionId:int}/move"] = [Admin],
        ["POST /admin/templates/{id:int}/outline/{sectionId:int}/delete"] = [Admin],
        ["GET /admin/templates/{id:int}/appendix"] = [Admin],
        ["POST /admin/templates/{id:int}/appendix"] = [Admin],
        ["POST /admin/templates/{id:int}/appendix/{rowId:int}"] = [Admin],
        ["POST /admin/templates/{id:int}/appendix/{rowId:int}/move"] = [Admin],
        ["POST /admin/templates/{id:int}/appendix/{rowId:int}/delete"] = [Admin],
        ["GET /notifications"] = SignedIn,
        ["POST /notifications/{id:long}/read"] = SignedIn,
        ["POST /notifications/read-all"] = SignedIn,
        ["GET /Account/Notifications"] = SignedIn,
        ["POST /Account/Notifications"] = SignedIn,
        ["GET /api/v1/notifications"] = SignedIn,
        ["POST /review/{period}/remind"] = [Admin, Compiler],
        ["POST /api/v1/periods/{period}/reminders"] = [Admin, Compiler],
        ["GET /admin/outbox"] = [Admin],
        ["POST /admin/outbox/{id:long}/resend"] = [Admin],
        ["POST /admin/periods/{period}/reminder-offsets"] = [Admin],
        // Last: setting up a key renews the security stamp, which ends the API tokens the checks above use.
        ["GET /Account/TwoFactor"] = Readers,
        ["POST /Account/TwoFactor/enable"] = Readers,
        ["POST /Account/TwoFactor/recovery-codes"] = Readers,
        ["POST /Account/TwoFactor/disable"] = Readers,
        ["POST /Account/TwoFactor/setup"] = Readers,
    };

    private static readonly HashSet<string> NotExecuted =
    [
        "POST /api/v1/auth/login", // public by design (AllowAnonymous metadata checked below)
        "GET /Account/AccessDenied", // the denial page itself answers 403
    ];

    [Fact]
    public async Task Every_endpoint_allows_exactly_the_roles_it_should()
    {
        var routes = MappedRoutes();
        var unlisted = routes.Keys.Where(r => !Allowed.ContainsKey(r) && !NotExecuted.Contains(r)).ToList();
        Assert.True(unlisted.Count == 0, "Endpoints without an access decision: " + string.Join(", ", unlisted));
        Assert.Contains(routes["POST /api/v1/auth/login"], m => m is IAllowAnonymous);

        var clients = new Dictionary<string, (HttpClient Pages, HttpClient Api)>
        {
            [Anon] = (_app.CreateBrowser(), _app.CreateClient(new() { AllowAutoRedirect = false })),
            [Admin] = (await _app.SignedInAsync("admin@danvan.local"), await _app.ApiAsync("admin@danvan.local")),
            [Compiler] = (await _app.SignedInAsync("tonghop@danvan.local"), await _app.ApiAsync("tonghop@danvan.local")),
            [Leader] = (await _app.SignedInAsync("lanhdao@danvan.local"), await _app.ApiAsync("lanhdao@danvan.local")),
            [Own] = (await _app.SignedInAsync("btcd@danvan.local"), await _app.ApiAsync("btcd@danvan.local")),
            [Other] = (await _app.SignedInAsync("ttpvhcc@danvan.local"), await _app.ApiAsync("ttpvhcc@danvan.local")),
            [Clerk] = (await _app.SignedInAsync("vanthu@danvan.local"), await _app.ApiAsync("vanthu@danvan.local")),
        };
        var tokens = new Dictionary<string, string>();
        foreach (var (role, (pages, _)) in clients)
        {
            var page = await pages.GetDocumentAsync(role == Anon ? "/Account/Login" : "/Account/ChangePassword");
            tokens[role] = page.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        }

        var failures = new List<string>();
        foreach (var (route, allowed) in Allowed.OrderBy(r => r.Key.StartsWith("POST /Account/Logout", StringComparison.Ordinal)))
        {
            foreach (var role in Everyone)
            {
                if (route == "POST /Account/Logout" && role != Anon) continue; // would end the session the next checks use
                var (method, url) = Concrete(route);
                var api = url.StartsWith("/api/", StringComparison.Ordinal);
                var client = api ? clients[role].Api : clients[role].Pages;
                var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method != "GET")
                {
                    request.Content = api
                        ? new StringContent("{}", Encoding.UTF8, "application/json")
                        : new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = tokens[role] });
                }
                var response = await client.SendAsync(request);
                var location = response.Headers.Location?.OriginalString ?? "";
                var denied = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                    || location.Contains("/Account/Login", StringComparison.Ordinal) || location.Contains("/Account/AccessDenied", StringComparison.Ordinal);
                if ((int)response.StatusCode >= 500) failures.Add($"{role} {method} {url}: {(int)response.StatusCode}");
                else if (denied == allowed.Contains(role))
                    failures.Add($"{role} {method} {url}: {(allowed.Contains(role) ? "refused" : "let in")} ({(int)response.StatusCode} {location})");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static (string Method, string Url) Concrete(string route)
    {
        var space = route.IndexOf(' ');
        var url = route[(space + 1)..]
            .Replace("{period}", route.Contains("/report", StringComparison.Ordinal) ? "2021-H1" : "2021-Y")
            .Replace("{unit}", "BTCD").Replace("{userId}", "no-such-user").Replace("{code}", "DON.TONG").Replace("{format}", "pdf")
            .Replace("{documentName}.json", "v1.json").Replace("/{documentName?}", "");
        url = System.Text.RegularExpressions.Regex.Replace(url, @"\{[A-Za-z]*:(int|long)\}", "1"); // template 1 and its first rows
        if (url.EndsWith("/history", StringComparison.Ordinal)) url += "?code=DON.TONG";
        return (route[..space], url);
    }

    private Dictionary<string, EndpointMetadataCollection> MappedRoutes()
    {
        var result = new Dictionary<string, EndpointMetadataCollection>();
        foreach (var endpoint in _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var pattern = endpoint.RoutePattern;
            string path;
            if (pattern.RawText is { } raw && raw.Contains("{controller", StringComparison.Ordinal))
            {
                if (!(pattern.RequiredValues.TryGetValue("controller", out var controller) && controller is string
                      && pattern.RequiredValues.TryGetValue("action", out var action) && action is string))
                    continue; // the route template itself, not an action
                path = controller is "Home" && action is "Index" ? "/" : $"/{controller}/{action}";
                foreach (var m in methods) result[$"{m} {path}"] = endpoint.Metadata;
                if (path == "/") foreach (var m in methods) result[$"{m} /Home/Index"] = endpoint.Metadata;
                continue;
            }
            path = "/" + (pattern.RawText ?? "").Trim('/');
            foreach (var m in methods) result[$"{m} {path}"] = endpoint.Metadata;
        }
        return result;
    }
}
