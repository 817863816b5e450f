using DanVan.Domain.Organization;
using DanVan.Web.Features.Account;

namespace DanVan.Web.Features.Notifications;

/// <summary>/api/v1 for notifications: thin adapters over InboxService and ManualReminderService.</summary>
public static class NotificationEndpoints
{
    public const int BodyLimit = 64 * 1024;

    public static RouteGroupBuilder MapNotificationApi(this RouteGroupBuilder api)
    {
        api.MapGet("/notifications", async (InboxService inbox, CancellationToken ct) =>
                TypedResults.Ok((await inbox.ListAsync(ct)).Select(n =>
                    new NotificationDto(n.Id, n.Kind.ToString(), n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt is not null)).ToList()))
            .WithSummary("Thông báo của người đang đăng nhập, mới nhất trước.");
        api.MapPost("/periods/{period}/reminders", RemindAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Compiler, Roles.Admin))
            .Accepts<ReminderRequest>("application/json")
            .Produces<ReminderResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Đôn đốc đơn vị chưa gửi phiếu (danh sách rỗng: mọi đơn vị chưa gửi); mỗi đơn vị tối đa một lần trong 10 phút.");
        return api;
    }

    private static async Task<IResult> RemindAsync(string period, HttpRequest request, ManualReminderService reminders, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        ReminderRequest? body = null;
        if (request.ContentLength is not 0)
        {
            var read = await LimitedBody.ReadJsonAsync<ReminderRequest>(request, BodyLimit, ct);
            if (read.TooLarge)
                return Results.Problem("Nội dung quá lớn.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Nội dung quá lớn");
            if (read.Value is null)
                return Invalid("body", "Cần một đối tượng JSON {\"units\": [\"BTCD\"], \"message\": \"…\"}.");
            body = read.Value;
        }
        var result = await reminders.RemindAsync(period, body?.Units, body?.Message, ct);
        switch (result.Outcome)
        {
            case ManualReminderOutcome.Reminded:
                return Results.Json(new ReminderResponse(result.Reminded, result.Skipped), statusCode: StatusCodes.Status202Accepted);
            case ManualReminderOutcome.TooSoon:
                var seconds = Math.Max(1, (int)Math.Ceiling((result.RetryAt!.Value - clock.GetUtcNow()).TotalSeconds));
                http.Response.Headers.RetryAfter = result.RetryAt.Value.UtcDateTime.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                return Results.Problem(result.Error, statusCode: StatusCodes.Status429TooManyRequests, title: "Vừa đôn đốc",
                    extensions: new Dictionary<string, object?> { ["retryAt"] = result.RetryAt, ["skipped"] = result.Skipped, ["retryAfterSeconds"] = seconds });
            case ManualReminderOutcome.Forbidden:
                return Results.Problem("Chỉ chuyên viên tổng hợp và quản trị được đôn đốc.", statusCode: StatusCodes.Status403Forbidden, title: "Không có quyền");
            case ManualReminderOutcome.NotFound:
                return Results.Problem("Không tìm thấy kỳ báo cáo.", statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy");
            default:
                return Invalid(result.Error?.StartsWith("Lời nhắn", StringComparison.Ordinal) == true ? "message" : "units", result.Error ?? "");
        }
    }

    private static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: "Dữ liệu không hợp lệ.", title: "Dữ liệu không hợp lệ");
}
