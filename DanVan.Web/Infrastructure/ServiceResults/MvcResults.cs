using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DanVan.Web.Infrastructure.ServiceResults;

/// <summary>
/// The one mapping of a <see cref="ServiceResult"/> to MVC: Ok runs <c>ok</c> (usually a redirect), NotFound is 404,
/// Forbidden is Forbid(), and Invalid, Conflict and Refused put their messages in ModelState (under the form's
/// prefix), set 400 or 409 and run <c>again</c> (the page shown again). Controllers never switch over a status.
/// </summary>
public static class MvcResults
{
    /// <summary>The HTTP status of a failure, the same for pages and API.</summary>
    public static int StatusCodeOf(ServiceStatus status) => status switch
    {
        ServiceStatus.Ok => StatusCodes.Status200OK,
        ServiceStatus.NotFound => StatusCodes.Status404NotFound,
        ServiceStatus.Forbidden => StatusCodes.Status403Forbidden,
        ServiceStatus.Invalid => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status409Conflict,
    };

    /// <summary>A read: Ok runs <c>ok</c>; a failure is its status (404, Forbid(), 400, 409) with nothing shown.</summary>
    public static IActionResult Show<T>(this Controller controller, ServiceResult<T> result, Func<T, IActionResult> ok) =>
        controller.Answer(result, ok, () => controller.StatusCode(StatusCodeOf(result.Status)));

    public static Task<IActionResult> AnswerAsync(
        this Controller controller, ServiceResult result, Func<IActionResult> ok, Func<Task<IActionResult>> again, string? prefix = null) =>
        controller.AnswerAsync(result.With(0), _ => ok(), again, prefix);

    public static async Task<IActionResult> AnswerAsync<T>(
        this Controller controller, ServiceResult<T> result, Func<T, IActionResult> ok, Func<Task<IActionResult>> again, string? prefix = null)
    {
        switch (result.Status)
        {
            case ServiceStatus.Ok: return ok(result.Value!);
            case ServiceStatus.NotFound: return controller.NotFound();
            case ServiceStatus.Forbidden: return controller.Forbid();
        }
        if (result.Status == ServiceStatus.Conflict) controller.ModelState.Clear(); // show the fresh values, not those typed over another's change
        AddErrors(controller.ModelState, result.Outcome, prefix);
        controller.Response.StatusCode = StatusCodeOf(result.Status);
        return await again();
    }

    public static IActionResult Answer<T>(this Controller controller, ServiceResult<T> result, Func<T, IActionResult> ok, Func<IActionResult> again, string? prefix = null) =>
        controller.AnswerAsync(result, ok, () => Task.FromResult(again()), prefix).GetAwaiter().GetResult();

    public static IActionResult Answer(this Controller controller, ServiceResult result, Func<IActionResult> ok, Func<IActionResult> again, string? prefix = null) =>
        controller.Answer(result.With(0), _ => ok(), again, prefix);

    /// <summary>Field messages under "prefix.Field" ("" stays the form's own message); a failure without fields adds its message.</summary>
    public static void AddErrors(ModelStateDictionary modelState, ServiceResult result, string? prefix = null)
    {
        foreach (var (field, message) in result.Errors)
            modelState.AddModelError(field.Length == 0 || string.IsNullOrEmpty(prefix) ? field : $"{prefix}.{field}", message);
        if (result.Errors.Count == 0 && result.Message is { } whole) modelState.AddModelError("", whole);
    }
}
