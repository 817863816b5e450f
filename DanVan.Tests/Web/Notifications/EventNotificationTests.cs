using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DanVan.Domain.Notifications;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Web.Notifications;

/// <summary>Workflow events tell the right people, in the portal and by e-mail; each user's opt-out is honoured.</summary>
public sealed class EventNotificationTests : IAsyncLifetime
{
    private readonly DanVanFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<List<(string Email, NotificationKind Kind, string Title, string Body)>> NoticesAsync() => _app.DbAsync(db => db.Notifications
        .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { u.Email, n.Kind, n.Title, n.Body, n.Id }).OrderBy(x => x.Id)
        .Select(x => ValueTuple.Create(x.Email!, x.Kind, x.Title, x.Body)).ToListAsync());

    [Fact]
    public async Task Sent_returned_with_the_comment_and_accepted_reach_the_compilers_and_the_unit_with_their_outbox_rows()
    {
        await _app.SendBtcdAsync();
        var compiler = await _app.ApiAsync("tonghop@danvan.local");
        var btcd = "/api/v1/periods/2021-Y/units/BTCD";
        Assert.Equal(HttpStatusCode.OK, (await compiler.PostAsJsonAsync(btcd + "/return", new { comment = "Kiểm tra lại số đơn kiến nghị." })).StatusCode);
        await _app.SendBtcdAsync();
        Assert.Equal(HttpStatusCode.OK, (await compiler.PostAsJsonAsync(btcd + "/accept", new { })).StatusCode);

        var notices = await NoticesAsync();
        Assert.Equal(2, notices.Count(n => n.Email == "tonghop@danvan.local" && n.Kind == NotificationKind.SubmissionSent));
        var returned = Assert.Single(notices, n => n.Email == "btcd@danvan.local" && n.Kind == NotificationKind.SubmissionReturned);
        Assert.Contains("Ý kiến: Kiểm tra lại số đơn kiến nghị.", returned.Body);
        Assert.Single(notices, n => n.Email == "btcd@danvan.local" && n.Kind == NotificationKind.SubmissionAccepted);
        Assert.DoesNotContain(notices, n => n.Email == "ttpvhcc@danvan.local");
        Assert.Equal(notices.Count, await _app.DbAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task A_report_sent_for_approval_reaches_the_leaders_and_its_return_the_compilers()
    {
        var compiler = await _app.ApiAsync("tonghop@danvan.local");
        var leader = await _app.ApiAsync("lanhdao@danvan.local");
        await compiler.SendReadyAsync("2021-Y"); // lint fixed and a reason per unit not accepted (issue 13's gate)
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsJsonAsync("/api/v1/periods/2021-Y/report/reject", new { comment = "Bổ sung phần kết quả." })).StatusCode);

        var notices = await NoticesAsync();
        Assert.Single(notices, n => n.Email == "lanhdao@danvan.local" && n.Kind == NotificationKind.ReportSentForApproval);
        Assert.Contains(notices, n => n.Email == "tonghop@danvan.local" && n.Kind == NotificationKind.ReportReturned && n.Body.Contains("Bổ sung phần kết quả."));
    }

    [Fact]
    public async Task An_approval_without_required_signatures_tells_the_compilers_the_report_is_issued()
    {
        var compiler = await _app.ApiAsync("tonghop@danvan.local");
        var leader = await _app.ApiAsync("lanhdao@danvan.local");
        await compiler.SendReadyAsync("2021-Y");
        Assert.Equal(HttpStatusCode.OK, (await leader.PostAsJsonAsync("/api/v1/periods/2021-Y/report/approve", new { })).StatusCode);

        var notices = await NoticesAsync();
        Assert.Contains(notices, n => n.Email == "tonghop@danvan.local" && n.Kind == NotificationKind.ReportIssued); // the test host is in demo mode: Signing:Required = None
    }

    [Fact]
    public async Task A_user_who_turns_off_email_for_a_kind_keeps_the_notice_in_the_portal_and_gets_no_mail()
    {
        var staff = await _app.SignedInAsync("btcd@danvan.local");
        var page = await staff.GetDocumentAsync("/Account/Notifications");
        var form = page.QuerySelector<IHtmlFormElement>("form[action='/Account/Notifications']")!;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value),
        };
        fields.AddRange(NotificationKindText.All.Where(k => k != NotificationKind.ManualReminder).Select(k => new KeyValuePair<string, string>("email", k.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync("/Account/Notifications", new FormUrlEncodedContent(fields))).StatusCode);
        var saved = await staff.GetDocumentAsync("/Account/Notifications");
        Assert.False(saved.QuerySelector<IHtmlInputElement>($"#email-{NotificationKind.ManualReminder}")!.IsChecked);
        Assert.True(saved.QuerySelector<IHtmlInputElement>($"#email-{NotificationKind.SubmissionReturned}")!.IsChecked);

        var compiler = await _app.ApiAsync("tonghop@danvan.local");
        Assert.Equal(HttpStatusCode.Accepted, (await compiler.PostAsJsonAsync("/api/v1/periods/2021-Y/reminders", new { units = new[] { "BTCD", "TTPVHCC" } })).StatusCode);

        var to = await _app.DbAsync(db => db.Outbox.Select(m => m.ToAddress).ToListAsync());
        Assert.Equal(["ttpvhcc@danvan.local"], to);
        var bell = await staff.GetDocumentAsync("/notifications");
        Assert.Equal("1", bell.QuerySelector("[data-testid=bell-count]")!.TextContent.Trim());
        Assert.Contains("Đôn đốc gửi phiếu số liệu kỳ năm 2021", bell.QuerySelector("[data-testid=notifications]")!.TextContent);

        // Read all: the count goes, the notice stays.
        var readAll = bell.QuerySelector<IHtmlFormElement>("form[action='/notifications/read-all']")!;
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(readAll, new Dictionary<string, string>())).StatusCode);
        var after = await staff.GetDocumentAsync("/notifications");
        Assert.Null(after.QuerySelector("[data-testid=bell-count]"));
        Assert.Equal("true", after.QuerySelector("[data-testid=notifications] li")!.GetAttribute("data-read"));
    }

    [Fact]
    public async Task Opening_a_notice_marks_it_read_and_nobody_can_open_someone_elses()
    {
        var compiler = await _app.ApiAsync("tonghop@danvan.local");
        await compiler.PostAsJsonAsync("/api/v1/periods/2021-Y/reminders", new { units = new[] { "BTCD" } });
        var id = await _app.DbAsync(db => db.Notifications.Select(n => n.Id).SingleAsync());

        var other = await _app.SignedInAsync("ttpvhcc@danvan.local");
        var otherPage = await other.GetDocumentAsync("/notifications");
        var token = otherPage.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        var foreign = await other.PostAsync($"/notifications/{id}/read", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        var staff = await _app.SignedInAsync("btcd@danvan.local");
        var page = await staff.GetDocumentAsync("/notifications");
        var open = page.QuerySelector<IHtmlFormElement>($"form[action='/notifications/{id}/read']")!;
        var response = await staff.PostFormAsync(open, new Dictionary<string, string>());
        Assert.Equal("/entry/2021-Y/BTCD", response.Headers.Location?.OriginalString);
        Assert.NotNull(await _app.DbAsync(db => db.Notifications.Where(n => n.Id == id).Select(n => n.ReadAt).SingleAsync()));
    }
}
