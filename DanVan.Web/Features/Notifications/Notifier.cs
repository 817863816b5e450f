using DanVan.Data;
using DanVan.Domain.Notifications;
using DanVan.Domain.Organization;
using DanVan.Domain.Periods;
using DanVan.Web.Services.Entry;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Features.Notifications;

/// <summary>
/// Adds the notices of an event (bell) and their e-mails (outbox) to the caller's context without saving: the
/// caller's one SaveChanges writes the event, its notices and its outbox rows in one transaction (decision 0025).
/// </summary>
public sealed class Notifier(DanVanDbContext db, TimeProvider clock, IConfiguration configuration)
{
    /// <summary>Writes one notice per recipient, and an e-mail to each one with an address who has not turned this kind off.</summary>
    public async Task AddAsync(
        IReadOnlyCollection<Recipient> recipients, NotificationKind kind, string title, string body, string link, CancellationToken ct)
    {
        if (recipients.Count == 0) return;
        var ids = recipients.Select(r => r.UserId).Distinct().ToList();
        var optedOut = (await db.EmailOptOuts.AsNoTracking().Where(o => o.Kind == kind && ids.Contains(o.UserId))
            .Select(o => o.UserId).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow();
        var url = AbsoluteUrl(link);
        foreach (var recipient in recipients.DistinctBy(r => r.UserId))
        {
            db.Notifications.Add(Notification.Create(recipient.UserId, kind, title, body, link, now));
            if (string.IsNullOrWhiteSpace(recipient.Email) || optedOut.Contains(recipient.UserId)) continue;
            var name = string.IsNullOrWhiteSpace(recipient.Name) ? recipient.Email : recipient.Name;
            db.Outbox.Add(OutboxMessage.Create(recipient.UserId, kind, recipient.Email, name, MailBodies.Subject(title),
                MailBodies.Text(name, title, body, url), MailBodies.Html(name, title, body, url), now, MessageDomain));
        }
    }

    /// <summary>Writes to every active account of a unit.</summary>
    public async Task ToUnitAsync(int unitId, NotificationKind kind, string title, string body, string link, CancellationToken ct) =>
        await AddAsync(await Recipients.OfUnitAsync(db, unitId, ct), kind, title, body, link, ct);

    /// <summary>Writes to every active account in a role.</summary>
    public async Task ToRoleAsync(string role, NotificationKind kind, string title, string body, string link, CancellationToken ct) =>
        await AddAsync(await Recipients.InRoleAsync(db, role, ct), kind, title, body, link, ct);

    public Task SubmissionReturnedAsync(ReportingPeriod period, UnitRef unit, string comment, CancellationToken ct) =>
        ToUnitAsync(unit.Id, NotificationKind.SubmissionReturned, $"Phiếu số liệu kỳ {period.Name} bị trả lại",
            $"Chuyên viên tổng hợp đã trả lại phiếu số liệu của {unit.Name}.\nÝ kiến: {comment}\nĐơn vị sửa và gửi lại phiếu.",
            EntryLink(period.Code, unit.Code), ct);

    public Task SubmissionAcceptedAsync(ReportingPeriod period, UnitRef unit, CancellationToken ct) =>
        ToUnitAsync(unit.Id, NotificationKind.SubmissionAccepted, $"Phiếu số liệu kỳ {period.Name} đã được tiếp nhận",
            $"Chuyên viên tổng hợp đã tiếp nhận phiếu số liệu của {unit.Name}.", EntryLink(period.Code, unit.Code), ct);

    public Task SubmissionSentAsync(ReportingPeriod period, UnitRef unit, CancellationToken ct) =>
        ToRoleAsync(Roles.Compiler, NotificationKind.SubmissionSent, $"{unit.Name} đã gửi phiếu số liệu kỳ {period.Name}",
            $"{unit.Name} đã gửi phiếu số liệu kỳ {period.Name}; phiếu chờ tiếp nhận.", EntryLink(period.Code, unit.Code), ct);

    public Task ReportSentForApprovalAsync(ReportingPeriod period, CancellationToken ct) =>
        ToRoleAsync(Roles.Leader, NotificationKind.ReportSentForApproval, $"Báo cáo kỳ {period.Name} trình duyệt",
            $"Chuyên viên tổng hợp đã trình duyệt báo cáo kỳ {period.Name}.", ReportLink(period), ct);

    public Task ReportIssuedAsync(ReportingPeriod period, CancellationToken ct) =>
        ToRoleAsync(Roles.Compiler, NotificationKind.ReportIssued, $"Báo cáo kỳ {period.Name} đã được duyệt, ban hành",
            $"Lãnh đạo đã duyệt và ban hành báo cáo kỳ {period.Name}.", ReportLink(period), ct);

    public Task ReportApprovedAsync(ReportingPeriod period, CancellationToken ct) =>
        ToRoleAsync(Roles.Compiler, NotificationKind.ReportApproved, $"Báo cáo kỳ {period.Name} đã được duyệt, chờ ký số",
            $"Lãnh đạo đã duyệt báo cáo kỳ {period.Name}; báo cáo chờ ký số rồi ban hành.", ReportLink(period), ct);

    public Task ReportReturnedAsync(ReportingPeriod period, string comment, CancellationToken ct) =>
        ToRoleAsync(Roles.Compiler, NotificationKind.ReportReturned, $"Báo cáo kỳ {period.Name} bị trả lại",
            $"Lãnh đạo đã trả lại báo cáo kỳ {period.Name}.\nÝ kiến: {comment}", ReportLink(period), ct);

    /// <summary>
    /// For the signing feature: call it before the SaveChanges that records the signature, so the compilers hear of
    /// it in the same transaction.
    /// </summary>
    public Task ReportSignedAsync(ReportingPeriod period, string signer, CancellationToken ct) =>
        ToRoleAsync(Roles.Compiler, NotificationKind.ReportSigned, $"Báo cáo kỳ {period.Name} đã được ký số",
            $"Báo cáo kỳ {period.Name} đã được ký số bởi {signer}.", ReportLink(period), ct);

    public static string EntryLink(string periodCode, string unitCode) => $"/entry/{periodCode}/{unitCode}";

    public static string ReportLink(ReportingPeriod period) => $"/reports/{period.Code}";

    public static string BoardLink(ReportingPeriod period) => $"/review/{period.Code}";

    private string BaseUrl => (configuration["App:PublicBaseUrl"] is { Length: > 0 } configured ? configured : "http://localhost:5080").TrimEnd('/');

    private string MessageDomain => Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) ? uri.Host : "danvan.local";

    private string AbsoluteUrl(string link) => BaseUrl + link;
}
