using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DanVan.Web.Features.Notifications;

/// <summary>“Đôn đốc” from the completeness board: one unit (unit field) or every unit not yet sent, with a message.</summary>
public sealed class RemindersController(ManualReminderService reminders) : Controller
{
    [HttpPost("/review/{period}/remind")]
    [Authorize(Roles = $"{DanVan.Domain.Organization.Roles.Compiler},{DanVan.Domain.Organization.Roles.Admin}")]
    public async Task<IActionResult> Remind(string period, [FromForm] string? unit, [FromForm] string? message, CancellationToken ct)
    {
        var result = await reminders.RemindAsync(period, string.IsNullOrWhiteSpace(unit) ? [] : [unit], message, ct);
        switch (result.Outcome)
        {
            case ManualReminderOutcome.NotFound: return NotFound();
            case ManualReminderOutcome.Forbidden: return Forbid();
            case ManualReminderOutcome.Reminded:
                TempData["Message"] = result.Reminded.Count == 0
                    ? "Không có đơn vị nào cần đôn đốc." + Skipped(result)
                    : $"Đã đôn đốc: {string.Join(", ", result.Reminded)}." + Skipped(result);
                TempData["MessageKind"] = result.Reminded.Count == 0 ? "warning" : "success";
                break;
            default:
                TempData["Message"] = result.Error;
                TempData["MessageKind"] = "danger";
                break;
        }
        return Redirect($"/review/{Uri.EscapeDataString(period)}");
    }

    private static string Skipped(ManualReminderResult result) =>
        result.Skipped.Count == 0 ? "" : " Bỏ qua: " + string.Join("; ", result.Skipped.Select(s => $"{s.Unit} ({s.Reason.TrimEnd('.')})")) + ".";
}
