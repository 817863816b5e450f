using DanVan.Web.Infrastructure.ServiceResults;
using DanVan.Data.Templates;
using DanVan.Web.Infrastructure;
using DanVan.Web.Models.Admin.Templates;
using DanVan.Web.Services.Admin.Templates;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DanVan.Web.Controllers;

/// <summary>Đề cương báo cáo: versions, export/import, and the editors of a draft (admin only).</summary>
[Route("admin/templates")]
[Authorize(Policy = Policies.Admin)]
public sealed partial class AdminTemplatesController(TemplateAdminService templates) : Controller
{
    private const string Folder = "~/Views/AdminTemplates/";

    // ---- versions ------------------------------------------------------------------------------------------------------

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(Folder + "Index.cshtml", new VersionsPage(await templates.VersionsAsync(ct), TempData["Message"] as string, TempData["MessageKind"] as string ?? "success", []));

    [HttpPost("draft")]
    public async Task<IActionResult> Draft(CancellationToken ct)
    {
        var result = await templates.CreateDraftAsync(ct);
        if (!result.IsOk) return await IndexWithAsync(result, ct);
        Flash(result.Message, "success");
        return Redirect($"/admin/templates/{result.Value}");
    }

    [HttpPost("import")]
    [RequestSizeLimit(TemplateImporter.MaxFileBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = TemplateImporter.MaxFileBytes + 64 * 1024)]
    public async Task<IActionResult> Import(IFormFile? file, CancellationToken ct)
    {
        await using var stream = file?.OpenReadStream();
        var result = await templates.ImportAsync(stream, file?.Length ?? 0, ct);
        if (!result.IsOk) return await IndexWithAsync(result, ct);
        Flash(result.Message, "success");
        return Redirect($"/admin/templates/{result.Value}");
    }

    private async Task<IActionResult> IndexWithAsync(ServiceResult<int?> result, CancellationToken ct)
    {
        Response.StatusCode = result.Status == ServiceStatus.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        var problems = result.Errors.Where(e => e.Key.StartsWith("problem", StringComparison.Ordinal)).Select(e => e.Value).ToList() ?? [];
        return View(Folder + "Index.cshtml", new VersionsPage(await templates.VersionsAsync(ct), result.Message, "danger", problems));
    }

    [HttpGet("{id:int}/export")]
    public async Task<IActionResult> Export(int id, CancellationToken ct)
    {
        var file = await templates.ExportAsync(id, ct);
        if (file is null) return NotFound();
        return File(file.Value.Content, "application/json; charset=utf-8", file.Value.FileName);
    }

    [HttpGet("{id:int}")]
    public Task<IActionResult> Show(int id, CancellationToken ct) => PageAsync(id, "overview", "Version", null, ct);

    [HttpPost("{id:int}/general")]
    public async Task<IActionResult> General(int id, GeneralForm form, CancellationToken ct) =>
        await AfterAsync(id, "overview", await templates.UpdateGeneralAsync(id, form, ct), $"/admin/templates/{id}", "Version", form, ct);

    [HttpPost("{id:int}/publish")]
    public async Task<IActionResult> Publish(int id, [FromForm] string? stamp, CancellationToken ct)
    {
        var result = await templates.PublishAsync(id, stamp, ct);
        return await AfterAsync(id, "overview", result, $"/admin/templates/{id}", "Version", null, ct);
    }

    [HttpPost("{id:int}/discard")]
    public async Task<IActionResult> Discard(int id, [FromForm] string? stamp, CancellationToken ct)
    {
        var result = await templates.DiscardAsync(id, stamp, ct);
        if (result.Status == ServiceStatus.Ok)
        {
            Flash(result.Message, "success");
            return Redirect("/admin/templates");
        }
        return await AfterAsync(id, "overview", result, "", "Version", null, ct);
    }

    // ---- indicators ------------------------------------------------------------------------------------------------------

    [HttpGet("{id:int}/indicators")]
    public Task<IActionResult> Indicators(int id, CancellationToken ct) => PageAsync(id, "indicators", "Indicators", new IndicatorForm { Kind = "count", Required = true }, ct);

    [HttpPost("{id:int}/indicators")]
    public async Task<IActionResult> AddIndicator(int id, IndicatorForm form, CancellationToken ct) =>
        await AfterAsync(id, "indicators", await templates.AddIndicatorAsync(id, form, ct), $"/admin/templates/{id}/indicators", "Indicators", form, ct);

    [HttpGet("{id:int}/indicators/{indicatorId:int}")]
    public async Task<IActionResult> Indicator(int id, int indicatorId, CancellationToken ct)
    {
        var view = await templates.ViewAsync(id, ct);
        var row = view?.Indicators.FirstOrDefault(i => i.Id == indicatorId);
        if (view is null || row is null) return NotFound();
        var form = new IndicatorForm
        {
            Stamp = view.Stamp, Code = row.Code, Name = row.Name, Measure = row.Measure, Kind = TemplateExporter.KindName(row.Kind),
            Unit = row.UnitCode, Group = row.GroupKey, Required = row.Required, Formula = row.Formula,
        };
        return View(Folder + "Indicator.cshtml", new IndicatorPage(Page(view, "indicators", null), row, form));
    }

    [HttpPost("{id:int}/indicators/{indicatorId:int}")]
    public async Task<IActionResult> UpdateIndicator(int id, int indicatorId, IndicatorForm form, CancellationToken ct)
    {
        var result = await templates.UpdateIndicatorAsync(id, indicatorId, form, ct);
        if (result.Status == ServiceStatus.NotFound) return NotFound();
        if (result.Status == ServiceStatus.Ok) return Done(result, $"/admin/templates/{id}/indicators#i-{indicatorId}");
        var view = await templates.ViewAsync(id, ct);
        var row = view?.Indicators.FirstOrDefault(i => i.Id == indicatorId);
        if (view is null || row is null) return NotFound();
        SetStatus(result);
        form.Stamp = result.Status == ServiceStatus.Conflict ? form.Stamp : view.Stamp;
        return View(Folder + "Indicator.cshtml", new IndicatorPage(Page(view, "indicators", result), row, form));
    }

    [HttpPost("{id:int}/indicators/{indicatorId:int}/move")]
    public async Task<IActionResult> MoveIndicator(int id, int indicatorId, MoveForm form, CancellationToken ct) =>
        await AfterAsync(id, "indicators", await templates.MoveIndicatorAsync(id, indicatorId, form, ct), $"/admin/templates/{id}/indicators#i-{indicatorId}", "Indicators", null, ct);

    [HttpPost("{id:int}/indicators/{indicatorId:int}/retire")]
    public async Task<IActionResult> RetireIndicator(int id, int indicatorId, [FromForm] string? stamp, CancellationToken ct) =>
        await AfterAsync(id, "indicators", await templates.RetireIndicatorAsync(id, indicatorId, stamp, ct), $"/admin/templates/{id}/indicators#i-{indicatorId}", "Indicators", null, ct);

    [HttpPost("{id:int}/indicators/{indicatorId:int}/restore")]
    public async Task<IActionResult> RestoreIndicator(int id, int indicatorId, [FromForm] string? stamp, CancellationToken ct) =>
        await AfterAsync(id, "indicators", await templates.RestoreIndicatorAsync(id, indicatorId, stamp, ct), $"/admin/templates/{id}/indicators#i-{indicatorId}", "Indicators", null, ct);

    [HttpPost("{id:int}/indicators/{indicatorId:int}/delete")]
    public async Task<IActionResult> DeleteIndicator(int id, int indicatorId, [FromForm] string? stamp, CancellationToken ct) =>
        await AfterAsync(id, "indicators", await templates.DeleteIndicatorAsync(id, indicatorId, stamp, ct), $"/admin/templates/{id}/indicators", "Indicators", null, ct);

    // ---- rules -------------------------------------------------------------------------------------------------------------

    [HttpGet("{id:int}/rules")]
    public Task<IActionResult> Rules(int id, CancellationToken ct) => PageAsync(id, "rules", "Rules", null, ct);

    [HttpGet("{id:int}/rules/new")]
    public async Task<IActionResult> NewRule(int id, CancellationToken ct)
    {
        var view = await templates.ViewAsync(id, ct);
        if (view is null) return NotFound();
        var form = new RuleForm { Stamp = view.Stamp, Op = "=", Severity = "error", Period = await templates.DefaultDryRunPeriodAsync(ct) };
        return View(Folder + "Rule.cshtml", new RulePage(Page(view, "rules", null), null, form, null));
    }

    [HttpPost("{id:int}/rules/new")]
    public Task<IActionResult> AddRule(int id, RuleForm form, CancellationToken ct) => RulePostAsync(id, null, form, ct);

    [HttpGet("{id:int}/rules/{ruleId:int}")]
    public async Task<IActionResult> Rule(int id, int ruleId, CancellationToken ct)
    {
        var view = await templates.ViewAsync(id, ct);
        var rule = view?.Rules.FirstOrDefault(r => r.Id == ruleId);
        if (view is null || rule is null) return NotFound();
        var form = new RuleForm
        {
            Stamp = view.Stamp, Code = rule.Code, Left = rule.Left, Op = Domain.Rules.RuleOperatorText.Symbol(rule.Operator), Right = rule.Right,
            Severity = TemplateAdminService.SeverityName(rule.Severity), Message = rule.Message, Period = await templates.DefaultDryRunPeriodAsync(ct),
        };
        return View(Folder + "Rule.cshtml", new RulePage(Page(view, "rules", null), rule, form, null));
    }

    [HttpPost("{id:int}/rules/{ruleId:int}")]
    public Task<IActionResult> UpdateRule(int id, int ruleId, RuleForm form, CancellationToken ct) => RulePostAsync(id, ruleId, form, ct);

    /// <summary>"Thử trên kỳ" shows the dry run without saving; "Lưu" saves (and shows nothing else on success).</summary>
    private async Task<IActionResult> RulePostAsync(int id, int? ruleId, RuleForm form, CancellationToken ct)
    {
        ServiceResult<int?>? result = null;
        DryRunResult? dryRun = null;
        if (form.Intent == "check")
        {
            var (errors, run) = await templates.DryRunAsync(id, form, ct);
            if (errors is not null) result = ServiceResult.Invalid(errors, "Chưa thử được quy tắc: vui lòng sửa các ô được đánh dấu.");
            dryRun = run;
        }
        else
        {
            result = await templates.SaveRuleAsync(id, ruleId, form, ct);
            if (result.Status == ServiceStatus.NotFound) return NotFound();
            if (result.Status == ServiceStatus.Ok) return Done(result, $"/admin/templates/{id}/rules");
        }
        var view = await templates.ViewAsync(id, ct);
        if (view is null) return NotFound();
        var rule = ruleId is null ? null : view.Rules.FirstOrDefault(r => r.Id == ruleId);
        if (ruleId is not null && rule is null) return NotFound();
        if (result is not null) SetStatus(result);
        if (result?.Status != ServiceStatus.Conflict) form.Stamp = view.Stamp;
        return View(Folder + "Rule.cshtml", new RulePage(Page(view, "rules", result), rule, form, dryRun));
    }

    [HttpPost("{id:int}/rules/{ruleId:int}/delete")]
    public async Task<IActionResult> DeleteRule(int id, int ruleId, [FromForm] string? stamp, CancellationToken ct) =>
        await AfterAsync(id, "rules", await templates.DeleteRuleAsync(id, ruleId, stamp, ct), $"/admin/templates/{id}/rules", "Rules", null, ct);

    // ---- outline ------------------------------------------------------------------------------------------------------------

    [HttpGet("{id:int}/outline")]
    public Task<IActionResult> Outline(int id, CancellationToken ct) => PageAsync(id, "outline", "Outline", new SectionForm(), ct);

    [HttpPost("{id:int}/outline")]
    public async Task<IActionResult> AddSection(int id, SectionForm form, CancellationToken ct) =>
        await AfterAsync(id, "outline", await templates.AddSectionAsync(id, form, ct), $"/admin/templates/{id}/outline", "Outline", form, ct);

    [HttpGet("{id:int}/outline/{sectionId:int}")]
    public async Task<IActionResult> Section(int id, int sectionId, CancellationToken ct)
    {
        var view = await templates.ViewAsync(id, ct);
        var section = view?.Sections.FirstOrDefault(s => s.Id == sectionId);
        if (view is null || section is null) return NotFound();
        var form = new SectionForm
        {
            Stamp = view.Stamp, Parent = section.ParentKey ?? "", Key = section.Key, Title = section.Title, DefaultText = section.DefaultText,
            Writer = section.WriterCode ?? "", RunIn = section.RunIn,
        };
        return View(Folder + "Section.cshtml", new SectionPage(Page(view, "outline", null), section, form));
    }

    [HttpPost("{id:int}/outline/{sectionId:int}")]
    public async Task<IActionResult> UpdateSection(int id, int sectionId, SectionForm form, CancellationToken ct)
    {
        var result = await templates.UpdateSectionAsync(id, sectionId, form, ct);
        if (result.Status == ServiceStatus.NotFound) return NotFound();
        if (result.Status == ServiceStatus.Ok) return Done(result, $"/admin/templates/{id}/outline#s-{sectionId}");
        var view = await templates.ViewAsync(id, ct);
        var section = view?.Sections.FirstOrDefault(s => s.Id == sectionId);
        if (view is null || section is null) return NotFound();
        SetStatus(result);
        if (result.Status != ServiceStatus.Conflict) form.Stamp = view.Stamp;
        form.Parent = section.ParentKey ?? "";
        form.Key = section.Key;
        return View(Folder + "Section.cshtml", new SectionPage(Page(view, "outline", result), section, form));
    }

    [HttpPost("{id:int}/outline/{sectionId:int}/move")]
    public async Task<IActionResult> MoveSection(int id, int sectionId, MoveForm form, CancellationToken ct) =>
        await AfterAsync(id, "outline", await templates.MoveSectionAsync(id, sectionId, form, ct), $"/admin/templates/{id}/outline#s-{sectionId}", "Outline", new SectionForm(), ct);

    [HttpPost("{id:int}/outline/{sectionId:int}/delete")]
    public async Task<IActionResult> DeleteSection(int id, int sectionId, [FromForm] string? stamp, CancellationToken ct) =>
        await AfterAsync(id, "outline", await templates.DeleteSectionAsync(id, sectionId, stamp, ct), $"/admin/templates/{id}/outline", "Outline", new SectionForm(), ct);

    // ---- plumbing ------------------------------------------------------------------------------------------------------------

    private async Task<IActionResult> PageAsync(int id, string tab, string viewName, IStampedForm? form, CancellationToken ct)
    {
        var view = await templates.ViewAsync(id, ct);
        if (view is null) return NotFound();
        if (form is not null) form.Stamp = view.Stamp;
        ViewData["Form"] = form;
        return View(Folder + viewName + ".cshtml", Page(view, tab, null));
    }

    /// <summary>Success: message and redirect (PRG). Refusal: the same page again, with the posted form and its messages.</summary>
    private async Task<IActionResult> AfterAsync(int id, string tab, ServiceResult<int?> result, string success, string viewName, IStampedForm? form, CancellationToken ct)
    {
        if (result.Status == ServiceStatus.NotFound) return NotFound();
        if (result.Status == ServiceStatus.Ok) return Done(result, success);
        var view = await templates.ViewAsync(id, ct);
        if (view is null) return NotFound();
        SetStatus(result);
        // A refused form keeps what was typed; it is re-posted with the current stamp only when nobody else changed the draft.
        if (form is IStampedForm stamped && result.Status != ServiceStatus.Conflict) stamped.Stamp = view.Stamp;
        ViewData["Form"] = form;
        return View(Folder + viewName + ".cshtml", Page(view, tab, result));
    }

    private IActionResult Done(ServiceResult<int?> result, string url)
    {
        Flash(result.Message, "success");
        return Redirect(url);
    }

    private void SetStatus(ServiceResult<int?> result) =>
        Response.StatusCode = result.Status == ServiceStatus.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;

    private void Flash(string? message, string kind)
    {
        TempData["Message"] = message;
        TempData["MessageKind"] = kind;
    }

    private TemplatePage Page(TemplateView view, string tab, ServiceResult<int?>? result) => result is null
        ? new TemplatePage(view, tab, TempData["Message"] as string, TempData["MessageKind"] as string ?? "success", null)
        : new TemplatePage(view, tab, result.Message, result.Status == ServiceStatus.Conflict ? "warning" : "danger", result.Errors);
}
