using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DanVan.Domain.Auditing;
using DanVan.Domain.Reports;
using DanVan.Tests.Support;
using DanVan.Tests.Support.Signing;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Web.ReportSigning;

/// <summary>
/// The whole flow with an independent signer (poppler's pdfsig over an NSS database of the test PKI): approve,
/// the leader signs through the one-time URLs, the văn thư signs through the report page's form, the served file
/// carries both signatures (checked by pdfsig). Refusals go through the endpoints and store nothing.
/// </summary>
public sealed class ReportSigningFlowTests : IAsyncLifetime
{
    private const long MaxUpload = 3_000_000;

    private readonly ConfiguredFactory _app = new([.. TestPki.Shared.HostSettings, ("Signing:MaxUploadBytes", MaxUpload.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static ByteArrayContent Pdf(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return content;
    }

    private Task<int> RevisionCountAsync() => _app.QueryAsync(db => db.ReportRevisions.CountAsync());

    /// <summary>2021-H1 sent, approved: "Đã duyệt, chờ ký". Returns the leader's API client.</summary>
    private async Task<HttpClient> ApprovedAsync()
    {
        await (await _app.ApiAsync("tonghop@danvan.local")).SendReadyAsync("2021-H1");
        var leader = await _app.ApiAsync("lanhdao@danvan.local");
        var approved = await (await leader.PostAsync("/api/v1/periods/2021-H1/report/approve", null)).JsonAsync();
        Assert.Equal("awaitingSignature", approved.GetProperty("state").GetString());
        Assert.Equal("leader", approved.GetProperty("nextSignature").GetString());
        return leader;
    }

    private static async Task<(string Download, string Upload, DateTimeOffset Expires)> OpenAsync(HttpClient client, string step)
    {
        var opened = await client.PostAsJsonAsync("/api/v1/periods/2021-H1/report/signing", new { step });
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var body = await opened.JsonAsync();
        return (body.GetProperty("downloadUrl").GetString()!, body.GetProperty("uploadUrl").GetString()!, body.GetProperty("expiresAt").GetDateTimeOffset());
    }

    [ToolFact(TestPki.Tools, "poppler-utils libnss3-tools")]
    public async Task The_leader_signs_through_the_one_time_urls_the_clerk_through_the_form_and_the_served_file_has_two_valid_signatures()
    {
        var leader = await ApprovedAsync();
        var approvedSha = (await (await leader.GetAsync("/api/v1/periods/2021-H1/report")).JsonAsync()).GetProperty("pdfSha256").GetString();
        var (download, upload, expires) = await OpenAsync(leader, "leader");
        Assert.Equal(_app.Clock.GetUtcNow().AddMinutes(15), expires);
        Assert.DoesNotContain(await _app.QueryAsync(db => db.SigningSessions.Select(s => s.DownloadTokenHash + s.UploadTokenHash).SingleAsync()),
            new Uri(download).Segments[^2].TrimEnd('/'));

        var tool = _app.CreateClient(); // no cookie, no token
        var handedOut = await (await tool.GetAsync(download)).Content.ReadAsByteArrayAsync();
        Assert.Equal(approvedSha, Convert.ToHexStringLower(SHA256.HashData(handedOut)));
        Assert.Equal(HttpStatusCode.Gone, (await tool.GetAsync(download)).StatusCode);

        var leaderSigned = TestPki.Shared.SignWithPdfsig(handedOut, TestPki.LeaderNick);
        var accepted = await tool.PostAsync(upload, Pdf(leaderSigned));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("Phạm Xuân Duệ", (await accepted.JsonAsync()).GetProperty("signature").GetProperty("signer").GetString());
        Assert.Equal(HttpStatusCode.Gone, (await tool.PostAsync(upload, Pdf(leaderSigned))).StatusCode);

        var report = await (await leader.GetAsync("/api/v1/periods/2021-H1/report")).JsonAsync();
        Assert.Equal("awaitingSignature", report.GetProperty("state").GetString());
        Assert.Equal("agency", report.GetProperty("nextSignature").GetString());
        Assert.Equal(leaderSigned, await (await leader.GetAsync("/api/v1/periods/2021-H1/report.pdf")).Content.ReadAsByteArrayAsync());

        // The văn thư: download to sign on the report page, sign in "any tool", upload through the form.
        var clerk = await _app.SignedInAsync("vanthu@danvan.local");
        var page = await clerk.GetDocumentAsync("/reports/2021-H1");
        var toSign = await (await clerk.GetAsync(page.QuerySelector("[data-testid='download-to-sign']")!.GetAttribute("href"))).Content.ReadAsByteArrayAsync();
        Assert.Equal(leaderSigned, toSign);
        var form = page.QuerySelector<IHtmlFormElement>("[data-testid='signature-form']")!;
        var multipart = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value), "__RequestVerificationToken" },
            { new StringContent("agency"), "step" },
            { Pdf(TestPki.Shared.SignWithPdfsig(toSign, TestPki.AgencyNick)), "file", "signed.pdf" },
        };
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostAsync(form.GetAttribute("action"), multipart)).StatusCode);

        report = await (await leader.GetAsync("/api/v1/periods/2021-H1/report")).JsonAsync();
        Assert.Equal("issued", report.GetProperty("state").GetString());
        var signatures = report.GetProperty("signatures").EnumerateArray().ToList();
        Assert.Equal(["leader", "agency"], signatures.Select(s => s.GetProperty("step").GetString()));
        Assert.Equal(TestPki.AgencySubject, signatures[1].GetProperty("signer").GetString());
        Assert.All(signatures, s => Assert.True(s.GetProperty("valid").GetBoolean() && s.GetProperty("trusted").GetBoolean()));
        Assert.Contains("DanVan Test Root CA", signatures[1].GetProperty("issuer").GetString());

        var served = await (await leader.GetAsync("/api/v1/periods/2021-H1/report.pdf")).Content.ReadAsByteArrayAsync();
        Assert.Equal(served, await (await clerk.GetAsync("/reports/2021-H1/download/pdf")).Content.ReadAsByteArrayAsync());
        var inspected = TestPki.Shared.Inspect(served);
        Assert.Equal(2, inspected.Split("Signature is Valid").Length - 1);
        Assert.Contains("Total document signed", inspected[inspected.LastIndexOf("Signature #2", StringComparison.Ordinal)..]);

        var stored = await _app.QueryAsync(db => db.ReportRevisions.OrderBy(r => r.Id).Select(r => new { r.Sha256, r.UploadedBy, r.Length }).ToListAsync());
        Assert.Equal(["lanhdao@danvan.local", "vanthu@danvan.local"], stored.Select(r => r.UploadedBy));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(served)), stored[1].Sha256);
        Assert.Equal(served.Length, stored[1].Length);
        var actions = await _app.QueryAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync());
        foreach (var action in new[] { AuditActions.ReportApproved, AuditActions.SigningSessionOpened, AuditActions.SignedFileDownloaded, AuditActions.SignatureAccepted, AuditActions.ReportIssued })
            Assert.Contains(action, actions);
        var issuedPage = await clerk.GetDocumentAsync("/reports/2021-H1");
        Assert.Contains(TestPki.AgencySubject, issuedPage.QuerySelector("[data-testid='signatures']")!.TextContent);
    }

    [ToolFact(TestPki.Tools, "poppler-utils libnss3-tools")]
    public async Task Refusals_through_the_endpoints_say_why_and_store_nothing()
    {
        var clerkApi = await _app.ApiAsync("vanthu@danvan.local");
        Assert.Equal(HttpStatusCode.Conflict, (await clerkApi.PostAsJsonAsync("/api/v1/periods/2021-H1/report/signing", new { step = "agency" })).StatusCode);
        var leader = await ApprovedAsync();

        var early = await clerkApi.PostAsJsonAsync("/api/v1/periods/2021-H1/report/signing", new { step = "agency" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("Chưa có chữ ký số của lãnh đạo", await early.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await clerkApi.PostAsJsonAsync("/api/v1/periods/2021-H1/report/signing", new { step = "leader" })).StatusCode);
        foreach (var who in new[] { "tonghop@danvan.local", "btcd@danvan.local" })
        {
            var api = await _app.ApiAsync(who);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync("/api/v1/periods/2021-H1/report/signing", new { step = "leader" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync("/api/v1/periods/2021-H1/report/signatures?step=leader", Pdf(SignedReports.LeaderSigned))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await leader.PostAsJsonAsync("/api/v1/periods/2021-H1/report/signing", new { step = "boss" })).StatusCode);

        var tool = _app.CreateClient();
        var (_, upload, _) = await OpenAsync(leader, "leader");
        var notPdf = await tool.PostAsync(upload, Pdf("không phải PDF"u8.ToArray()));
        Assert.Equal((HttpStatusCode)422, notPdf.StatusCode);
        Assert.Contains("không phải PDF", (await notPdf.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Gone, (await tool.PostAsync(upload, Pdf(SignedReports.LeaderSigned))).StatusCode);

        (_, upload, _) = await OpenAsync(leader, "leader");
        var text = new StringContent("%PDF-1.7");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await tool.PostAsync(upload, text)).StatusCode);
        var oversize = await tool.PostAsync(upload, Pdf(new byte[MaxUpload + 1]));
        Assert.Equal((HttpStatusCode)422, oversize.StatusCode);
        Assert.Contains("quá lớn", await oversize.Content.ReadAsStringAsync());

        var (download, late, _) = await OpenAsync(leader, "leader");
        _app.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Gone, (await tool.GetAsync(download)).StatusCode);
        var expired = await tool.PostAsync(late, Pdf(SignedReports.LeaderSigned));
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("hết hạn", await expired.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await tool.PostAsync("/api/v1/signing/not-a-token/signed", Pdf(SignedReports.LeaderSigned))).StatusCode);

        var approvedSha = (await (await leader.GetAsync("/api/v1/periods/2021-H1/report")).JsonAsync()).GetProperty("pdfSha256").GetString();
        var approved = await (await leader.GetAsync("/api/v1/periods/2021-H1/report.pdf")).Content.ReadAsByteArrayAsync();
        var stranger = await leader.PostAsync("/api/v1/periods/2021-H1/report/signatures?step=leader", Pdf(TestPki.Shared.SignWithPdfsig(approved, TestPki.StrangerNick)));
        Assert.Equal((HttpStatusCode)422, stranger.StatusCode);
        Assert.Contains("Người ký không đúng", (await stranger.JsonAsync()).GetProperty("detail").GetString());

        Assert.Equal(0, await RevisionCountAsync());
        var report = await (await leader.GetAsync("/api/v1/periods/2021-H1/report")).JsonAsync();
        Assert.Equal("awaitingSignature", report.GetProperty("state").GetString());
        Assert.Equal(approvedSha, Convert.ToHexStringLower(SHA256.HashData(await (await leader.GetAsync("/api/v1/periods/2021-H1/report.pdf")).Content.ReadAsByteArrayAsync())));
        Assert.True(await _app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.SignatureRefused)) >= 2);
    }

    [ToolFact(TestPki.Tools, "poppler-utils libnss3-tools")]
    public async Task The_page_opens_a_session_for_the_plugin_script_and_the_upload_url_takes_a_multipart_file()
    {
        await ApprovedAsync();
        var leader = await _app.SignedInAsync("lanhdao@danvan.local");
        var page = await leader.GetDocumentAsync("/reports/2021-H1");
        var form = page.QuerySelector<IHtmlFormElement>("[data-testid='signature-form']")!;
        Assert.NotNull(form.QuerySelector("[data-vgca-sign]"));
        var token = form.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        var opened = await leader.PostAsync("/reports/2021-H1/signing", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["step"] = "leader",
        }));
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var urls = await opened.JsonAsync();

        var tool = _app.CreateClient();
        var handedOut = await (await tool.GetAsync(urls.GetProperty("downloadUrl").GetString())).Content.ReadAsByteArrayAsync();
        var multipart = new MultipartFormDataContent { { Pdf(TestPki.Shared.SignWithPdfsig(handedOut, TestPki.LeaderNick)), "uploadfile", "signed.pdf" } };
        var accepted = await tool.PostAsync(urls.GetProperty("uploadUrl").GetString(), multipart);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(1, await RevisionCountAsync());
    }
}
