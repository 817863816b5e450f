using DanVan.Domain.Formatting;
using DanVan.Domain.Periods;
using DanVan.Web.Services.Entry;

namespace DanVan.Web.Features.Notifications;

/// <summary>The Vietnamese words of reminders and of the compilers' daily summary.</summary>
public static class ReminderTexts
{
    private const int MaxListed = 10;

    public static string ScheduledTitle(ReportingPeriod period, int offset) => offset switch
    {
        > 0 => $"Nhắc gửi phiếu số liệu kỳ {period.Name}: còn {offset} ngày đến hạn",
        0 => $"Hôm nay là hạn gửi phiếu số liệu kỳ {period.Name}",
        _ => $"Phiếu số liệu kỳ {period.Name} đã quá hạn {-offset} ngày",
    };

    public static string ManualTitle(ReportingPeriod period) => $"Đôn đốc gửi phiếu số liệu kỳ {period.Name}";

    /// <summary>The period, the deadline, what is still missing and the compiler's message (if any).</summary>
    public static string Body(ReportingPeriod period, UnitEvaluation unit, string? message = null, string? from = null)
    {
        var lines = new List<string>
        {
            $"{unit.Unit.Name} chưa gửi phiếu số liệu kỳ {period.Name}.",
            $"Hạn gửi của đơn vị: {VietnameseFormat.LongDate(period.UnitDeadline)}.",
        };
        if (unit.Missing.Count > 0)
        {
            var listed = string.Join("; ", unit.Missing.Take(MaxListed).Select(i => $"{i.Code} ({i.Name})"));
            var more = unit.Missing.Count > MaxListed ? $" và {VietnameseFormat.Count(unit.Missing.Count - MaxListed)} chỉ tiêu khác" : "";
            lines.Add($"Còn thiếu {VietnameseFormat.Count(unit.Missing.Count)} chỉ tiêu bắt buộc: {listed}{more}.");
        }
        var unexplained = unit.Violations.Count(v => string.IsNullOrWhiteSpace(v.Explanation));
        if (unexplained > 0) lines.Add($"Còn {VietnameseFormat.Count(unexplained)} vi phạm quy tắc kiểm tra chưa giải trình.");
        if (unit.Missing.Count == 0 && unexplained == 0) lines.Add("Số liệu đã đủ; đơn vị cần bấm “Gửi phiếu”.");
        if (!string.IsNullOrWhiteSpace(message)) lines.Add($"Lời nhắn của {from ?? "chuyên viên tổng hợp"}: {message.Trim()}");
        return string.Join("\n", lines);
    }

    public static string SummaryTitle(ReportingPeriod period, DateOnly today) =>
        $"Tình hình thu thập số liệu kỳ {period.Name} {VietnameseFormat.LongDate(today)}";

    public static string SummaryBody(ReportingPeriod period, IReadOnlyList<UnitEvaluation> units, DateOnly today)
    {
        var sent = units.Count(u => u.Submission?.Status == Domain.Submissions.SubmissionStatus.Submitted);
        var accepted = units.Count(u => u.Submission?.Status == Domain.Submissions.SubmissionStatus.Accepted);
        var waiting = units.Where(u => !HasSent(u)).Select(u => u.Unit.Name).ToList();
        var lines = new List<string>
        {
            $"Hạn gửi của đơn vị: {VietnameseFormat.LongDate(period.UnitDeadline)} ({Left(period, today)}).",
            $"Đã gửi chờ tiếp nhận: {VietnameseFormat.Count(sent)}; đã tiếp nhận: {VietnameseFormat.Count(accepted)}; chưa gửi: {VietnameseFormat.Count(waiting.Count)} trên {VietnameseFormat.Count(units.Count)} đơn vị.",
        };
        if (waiting.Count > 0)
            lines.Add((today > period.UnitDeadline ? "Đơn vị trễ hạn: " : "Đơn vị chưa gửi: ") + string.Join("; ", waiting) + ".");
        return string.Join("\n", lines);
    }

    /// <summary>Sent or accepted: the unit no longer gets reminders.</summary>
    public static bool HasSent(UnitEvaluation unit) =>
        unit.Submission?.Status is Domain.Submissions.SubmissionStatus.Submitted or Domain.Submissions.SubmissionStatus.Accepted;

    private static string Left(ReportingPeriod period, DateOnly today) => period.DaysToUnitDeadline(today) switch
    {
        > 0 and var n => $"còn {n} ngày",
        0 => "hôm nay",
        var n => $"đã quá {-n} ngày",
    };
}
