using DanVan.Web.Infrastructure.ServiceResults;
using System.Text.Json;
using DanVan.Data;
using DanVan.Data.Templates;
using DanVan.Domain.Auditing;
using DanVan.Domain.Common;
using DanVan.Domain.Formatting;
using DanVan.Domain.Indicators;
using DanVan.Domain.Organization;
using DanVan.Domain.Reports;
using DanVan.Domain.Rules;
using DanVan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Services.Admin.Templates;

/// <summary>Audit actions of the template admin (every change of a draft, and the version's life).</summary>
public static class TemplateAudit
{
    public const string DraftCreated = "template.draft.created";
    public const string Imported = "template.imported";
    public const string Published = "template.published";
    public const string Discarded = "template.draft.discarded";
    public const string GeneralChanged = "template.general.changed";
    public const string IndicatorAdded = "template.indicator.added";
    public const string IndicatorChanged = "template.indicator.changed";
    public const string IndicatorMoved = "template.indicator.moved";
    public const string IndicatorRetired = "template.indicator.retired";
    public const string IndicatorRestored = "template.indicator.restored";
    public const string IndicatorDeleted = "template.indicator.deleted";
    public const string RuleAdded = "template.rule.added";
    public const string RuleChanged = "template.rule.changed";
    public const string RuleDeleted = "template.rule.deleted";
    public const string SectionAdded = "template.section.added";
    public const string SectionChanged = "template.section.changed";
    public const string SectionMoved = "template.section.moved";
    public const string SectionDeleted = "template.section.deleted";
    public const string AppendixAdded = "template.appendix.added";
    public const string AppendixChanged = "template.appendix.changed";
    public const string AppendixMoved = "template.appendix.moved";
    public const string AppendixDeleted = "template.appendix.deleted";
}

/// <summary>
/// Đề cương admin: versions (draft → publish, discard), JSON export and import, and every edit of a draft — general
/// texts, indicators, rules (with a dry run against a stored period), the outline and the appendix. A published version
/// is never changed; every write goes through <see cref="EditAsync"/>, which checks the draft's concurrency stamp,
/// audits, and saves once.
/// </summary>
public sealed partial class TemplateAdminService(DanVanDbContext db, CurrentUser currentUser, TimeProvider clock, ILogger<TemplateAdminService> logger)
{
    private static readonly JsonSerializerOptions AuditJson = new(TemplateDocument.JsonOptions) { WriteIndented = false };

    private DateTimeOffset Now => clock.GetUtcNow();

    // ---- versions ----------------------------------------------------------------------------------------------------

    public async Task<IReadOnlyList<VersionRow>> VersionsAsync(CancellationToken ct)
    {
        var templates = await db.Templates.AsNoTracking().OrderByDescending(t => t.Version).ThenByDescending(t => t.Id).ToListAsync(ct);
        var current = await TemplateVersions.CurrentAsync(db, ct);
        var periods = (await db.Periods.AsNoTracking().OrderByDescending(p => p.CutoffTo).Select(p => new { p.TemplateId, p.Code }).ToListAsync(ct))
            .ToLookup(p => p.TemplateId, p => p.Code);
        var indicators = (await db.Indicators.AsNoTracking().Where(i => !i.IsRetired).GroupBy(i => i.TemplateId)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(x => x.Key, x => x.Count);
        var rules = (await db.Rules.AsNoTracking().Where(r => !r.IsRetired).GroupBy(r => r.TemplateId)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(x => x.Key, x => x.Count);
        return templates.Select(t => Row(t, current?.Id == t.Id, periods[t.Id].ToList(),
            indicators.GetValueOrDefault(t.Id), rules.GetValueOrDefault(t.Id))).ToList();
    }

    private static VersionRow Row(ReportTemplate t, bool isCurrent, IReadOnlyList<string> periods, int indicators, int rules) => new(
        t.Id, t.Code, t.Version, t.Name, t.IsDraft, isCurrent, t.CreatedAt, t.PublishedAt, t.PublishedBy, t.UpdatedAt, t.UpdatedBy,
        periods, indicators, rules);

    /// <summary>"Sửa đề cương": a draft copy of the current version, or the draft that already exists (one at a time).</summary>
    public async Task<ServiceResult<int?>> CreateDraftAsync(CancellationToken ct)
    {
        var existing = await db.Templates.AsNoTracking().Where(t => t.IsDraft).Select(t => new { t.Id, t.Version }).FirstOrDefaultAsync(ct);
        if (existing is not null) return ServiceResult<int?>.Ok(existing.Id, $"Đang có bản nháp phiên bản {existing.Version}; tiếp tục sửa bản nháp này.");
        var current = await TemplateVersions.CurrentAsync(db, ct);
        if (current is null) return ServiceResult.Conflict("Chưa có phiên bản đề cương nào để sửa; hãy nhập một tệp đề cương.");

        var document = await ExportDocumentAsync(current.Id, ct);
        var version = await NextVersionAsync(current.Code, ct);
        var result = await AddDraftAsync(document with { Version = version }, TemplateAudit.DraftCreated, $"từ phiên bản {current.Version}", ct);
        return result.IsOk
            ? ServiceResult<int?>.Ok(result.Value, $"Đã tạo bản nháp phiên bản {version} từ phiên bản {current.Version}. Các kỳ báo cáo đã có không thay đổi.")
            : result;
    }

    /// <summary>A JSON file as a new draft, refused with every problem listed when it is broken.</summary>
    public async Task<ServiceResult<int?>> ImportAsync(Stream? file, long length, CancellationToken ct)
    {
        if (file is null || length == 0) return ServiceResult.Invalid(Problems(["Chưa chọn tệp đề cương (JSON)."]), "Chưa chọn tệp đề cương (JSON).");
        if (length > TemplateImporter.MaxFileBytes)
            return ServiceResult.Invalid(Problems([$"Tệp đề cương lớn quá {TemplateImporter.MaxFileBytes / 1024 / 1024} MB."]), "Tệp quá lớn.");
        if (await db.Templates.AsNoTracking().Where(t => t.IsDraft).Select(t => (int?)t.Version).FirstOrDefaultAsync(ct) is { } draft)
            return ServiceResult.Conflict($"Đang có bản nháp phiên bản {draft}: hãy phát hành hoặc hủy bản nháp đó trước khi nhập tệp.");

        TemplateDocument document;
        try
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            buffer.Position = 0;
            document = TemplateImporter.Read(buffer);
        }
        catch (TemplateImportException ex)
        {
            return ServiceResult.Invalid(Problems(ex.Errors), "Không nhập được tệp đề cương.");
        }

        var family = await db.Templates.AsNoTracking().Select(t => t.Code).FirstOrDefaultAsync(ct);
        var errors = new List<string>();
        if (family is not null && !string.Equals(document.Code, family, StringComparison.Ordinal))
            errors.Add($"Mã đề cương trong tệp là “{document.Code}”, khác đề cương của hệ thống “{family}”: chỉ nhập được phiên bản của cùng đề cương.");
        var version = await NextVersionAsync(document.Code ?? "", ct);
        errors.AddRange(await ProblemsAsync(document with { Version = version }, ct));
        if (errors.Count > 0) return ServiceResult.Invalid(Problems(errors), $"Không nhập được tệp đề cương: {errors.Count} lỗi.");

        var result = await AddDraftAsync(document with { Version = version }, TemplateAudit.Imported, $"từ tệp (phiên bản ghi trong tệp: {document.Version})", ct);
        return result.IsOk
            ? ServiceResult<int?>.Ok(result.Value, $"Đã nhập tệp thành bản nháp phiên bản {version}. Kiểm tra rồi bấm “Phát hành phiên bản”.")
            : result;
    }

    private static Dictionary<string, string> Problems(IEnumerable<string> problems) =>
        problems.Select((p, i) => (p, i)).ToDictionary(x => "problem" + x.i, x => x.p);

    private async Task<int> NextVersionAsync(string code, CancellationToken ct) =>
        (await db.Templates.AsNoTracking().Where(t => t.Code == code).MaxAsync(t => (int?)t.Version, ct) ?? 0) + 1;

    private async Task<ServiceResult<int?>> AddDraftAsync(TemplateDocument document, string action, string origin, CancellationToken ct)
    {
        var unitIds = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        var imported = TemplateImporter.Build(document, unitIds, Now);
        imported.Template.Touch(currentUser.Name, Now);
        db.Templates.Add(imported.Template);
        // The template's key is a temporary value until saved; EF Core puts the real one into the indicators and rules
        // that carry it, so the whole draft is one SaveChanges.
        var templateId = db.Entry(imported.Template).Property(t => t.Id).CurrentValue;
        db.Indicators.AddRange(imported.Indicators.Select(f => f(templateId)));
        db.Rules.AddRange(imported.Rules.Select(f => f(templateId)));
        db.AuditEntries.Add(AuditEntry.Record(Now, currentUser.Name, action, newValue: $"{document.Code} phiên bản {document.Version} {origin}",
            reason: VersionLabel(imported.Template)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (code, version) index: another admin made the draft a moment ago.
            db.ChangeTracker.Clear();
            var other = await db.Templates.AsNoTracking().Where(t => t.IsDraft).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
            return other is { } id
                ? ServiceResult<int?>.Ok(id, "Một quản trị viên khác vừa tạo bản nháp; tiếp tục sửa bản nháp đó.")
                : ServiceResult.Conflict("Không tạo được bản nháp, vui lòng thử lại.");
        }
        logger.LogInformation("Template draft {Code} v{Version} created by {User} ({Action})", document.Code, document.Version, currentUser.Name, action);
        return ServiceResult<int?>.Ok(imported.Template.Id, "");
    }

    public async Task<(byte[] Content, string FileName)?> ExportAsync(int id, CancellationToken ct)
    {
        var template = await db.Templates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (template is null) return null;
        var document = await ExportDocumentAsync(id, ct);
        var name = $"de-cuong-{template.Code}-v{template.Version}{(template.IsDraft ? "-nhap" : "")}.json";
        return (TemplateExporter.ToJson(document), name);
    }

    private async Task<TemplateDocument> ExportDocumentAsync(int id, CancellationToken ct)
    {
        var template = (await LoadTemplateAsync(id, track: false, ct))!;
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.TemplateId == template.Id).ToListAsync(ct);
        var rules = await db.Rules.AsNoTracking().Where(r => r.TemplateId == template.Id).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Code, ct);
        return TemplateExporter.Export(template, indicators, rules, units);
    }

    private Task<ReportTemplate?> LoadTemplateAsync(int id, bool track, CancellationToken ct)
    {
        var query = db.Templates.Include(t => t.Sections).Include(t => t.AppendixRows).AsSplitQuery();
        return (track ? query : query.AsNoTracking()).SingleOrDefaultAsync(t => t.Id == id, ct);
    }

    /// <summary>
    /// Why a version could not be published: the import checks (formulas parse, codes exist, no cycles, sections,
    /// units …) and history — an indicator that has values in a past period may be retired but never left out.
    /// </summary>
    private async Task<List<string>> ProblemsAsync(TemplateDocument document, CancellationToken ct, IReadOnlySet<string>? withValues = null)
    {
        var unitCodes = (await db.Units.AsNoTracking().Select(u => u.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var problems = TemplateImporter.Validate(document, unitCodes).ToList();
        var present = (document.Indicators ?? []).Where(i => i?.Code is not null).Select(i => i.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        withValues ??= await CodesWithValuesAsync(document.Code ?? "", ct);
        var missing = withValues.Where(c => !present.Contains(c)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
            problems.Add($"{missing.Count} chỉ tiêu đã có số liệu ở các kỳ trước nên không được bỏ khỏi đề cương, chỉ được đánh dấu ngừng sử dụng (\"retired\": true): {string.Join(", ", missing)}.");
        return problems;
    }

    /// <summary>Codes of the published versions of a template that have at least one stored value.</summary>
    private async Task<HashSet<string>> CodesWithValuesAsync(string templateCode, CancellationToken ct) =>
        (await (from i in db.Indicators.AsNoTracking()
                join t in db.Templates.AsNoTracking() on i.TemplateId equals t.Id
                where t.Code == templateCode && !t.IsDraft && db.Values.Any(v => v.IndicatorId == i.Id)
                select i.Code).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public async Task<ServiceResult<int?>> PublishAsync(int id, string? stamp, CancellationToken ct) =>
        await EditAsync(id, stamp, async draft =>
        {
            var document = Export(draft);
            var problems = await ProblemsAsync(document, ct);
            if (problems.Count > 0)
                return ServiceResult.Invalid(Problems(problems), $"Chưa phát hành được: còn {problems.Count} vấn đề (xem danh sách “Cần sửa trước khi phát hành”).");
            draft.Template.Publish(currentUser.Name, Now);
            Audit(draft, TemplateAudit.Published, null, null, $"{draft.Template.Code} phiên bản {draft.Template.Version}");
            logger.LogInformation("Template {Code} v{Version} published by {User}", draft.Template.Code, draft.Template.Version, currentUser.Name);
            return null;
        }, $"Đã phát hành phiên bản mới. Các kỳ báo cáo mở từ nay dùng phiên bản này; kỳ đã có giữ phiên bản của mình.", ct);

    /// <summary>Hủy bản nháp: nothing refers to a draft (periods never bind to one), so it is deleted with its parts.</summary>
    public async Task<ServiceResult<int?>> DiscardAsync(int id, string? stamp, CancellationToken ct)
    {
        var template = await db.Templates.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (template is null) return ServiceResult.NotFound;
        if (!template.IsDraft) return ServiceResult.Conflict($"Phiên bản {template.Version} đã phát hành: không hủy được.");
        if (StaleStamp(template, stamp) is { } stale) return stale;
        db.Indicators.RemoveRange(await db.Indicators.Where(i => i.TemplateId == id).ToListAsync(ct));
        db.Rules.RemoveRange(await db.Rules.Where(r => r.TemplateId == id).ToListAsync(ct));
        db.Templates.Remove(template);
        db.AuditEntries.Add(AuditEntry.Record(Now, currentUser.Name, TemplateAudit.Discarded, oldValue: $"{template.Code} phiên bản {template.Version}",
            reason: VersionLabel(template)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult.Conflict("Bản nháp vừa được người khác sửa hoặc hủy; hãy tải lại trang.");
        }
        return ServiceResult<int?>.Ok(null, $"Đã hủy bản nháp phiên bản {template.Version}.");
    }

    // ---- the view of one version -------------------------------------------------------------------------------------

    public async Task<TemplateView?> ViewAsync(int id, CancellationToken ct)
    {
        var template = await LoadTemplateAsync(id, track: false, ct);
        if (template is null) return null;
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.TemplateId == id).OrderBy(i => i.SortOrder).ThenBy(i => i.Id).ToListAsync(ct);
        var rules = await db.Rules.AsNoTracking().Where(r => r.TemplateId == id).OrderBy(r => r.Id).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().OrderBy(u => u.SortOrder).ThenBy(u => u.Code).ToListAsync(ct);
        var periods = await (from p in db.Periods.AsNoTracking()
                             join t in db.Templates.AsNoTracking() on p.TemplateId equals t.Id
                             orderby p.CutoffTo descending
                             select new { p.TemplateId, Option = new PeriodOption(p.Code, p.Name, t.Version) }).ToListAsync(ct);
        var current = await TemplateVersions.CurrentAsync(db, ct);

        var baseTemplate = await db.Templates.AsNoTracking()
            .Where(t => t.Code == template.Code && !t.IsDraft && t.Version < template.Version)
            .OrderByDescending(t => t.Version).FirstOrDefaultAsync(ct);
        var baseDocument = baseTemplate is null ? null : await ExportDocumentAsync(baseTemplate.Id, ct);
        var unitCodes = units.ToDictionary(u => u.Id, u => u.Code);
        var document = TemplateExporter.Export(template, indicators, rules, unitCodes);
        var baseCodes = baseDocument?.Indicators.Select(i => i.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var baseRules = baseDocument?.Rules.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var withValues = await CodesWithValuesAsync(template.Code, ct);

        var sections = SectionRows(template, indicators, units);
        var sectionOf = sections.ToDictionary(s => s.Key);
        var unitOf = units.ToDictionary(u => u.Id);
        var indicatorRows = indicators.Select(i => new IndicatorRow(
            i.Id, i.Code, i.Name, i.Measure, i.Kind, unitOf[i.UnitId].Code, unitOf[i.UnitId].Name, i.GroupKey,
            sectionOf.GetValueOrDefault(i.GroupKey)?.FullLabel ?? "", sectionOf.GetValueOrDefault(i.GroupKey)?.Title ?? i.GroupKey,
            i.IsRequired, i.Formula, i.IsRetired, i.SortOrder, baseCodes is not null && !baseCodes.Contains(i.Code), withValues.Contains(i.Code))).ToList();
        var supplier = indicators.Where(i => !i.IsRetired).ToDictionary(i => i.Code, i => unitOf[i.UnitId].Code, StringComparer.OrdinalIgnoreCase);
        var ruleRows = rules.Where(r => !r.IsRetired).Select(r => new RuleRow(
            r.Id, r.Code, r.Left, r.Operator, r.Right, r.Severity, r.Message, baseRules is not null && !baseRules.Contains(r.Code),
            r.CurrentCodes.Select(c => supplier.GetValueOrDefault(c)).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList())).ToList();
        var appendixRows = template.Appendix();
        var appendix = appendixRows.Zip(OutlineNumbering.AppendixLabels(appendixRows), (r, label) => new AppendixRowView(
            r.Id, r.Order, r.Level, label, r.Text)).ToList();

        return new TemplateView(
            Row(template, current?.Id == template.Id, periods.Where(p => p.TemplateId == id).Select(p => p.Option.Code).ToList(),
                indicators.Count(i => !i.IsRetired), ruleRows.Count),
            template.ConcurrencyStamp.ToString("N"),
            template.TitleTemplate, template.OpeningTemplate, template.ClosingTemplate,
            sections, indicatorRows, ruleRows, appendix,
            units.Where(u => !u.IsAgency && !u.IsRetired).Select(u => new UnitOption(u.Code, u.Name)).ToList(),
            periods.Select(p => p.Option).ToList(),
            baseTemplate?.Version,
            template.IsDraft ? await ProblemsAsync(document, ct, withValues) : [],
            baseDocument is null ? [] : TemplateDiff.Describe(baseDocument, document));
    }

    private static List<SectionRow> SectionRows(ReportTemplate template, IReadOnlyList<Indicator> indicators, IReadOnlyList<Unit> units)
    {
        var unitOf = units.ToDictionary(u => u.Id);
        var grouped = indicators.GroupBy(i => i.GroupKey).ToDictionary(g => g.Key, g => g.Count());
        var rows = new List<SectionRow>();
        foreach (var item in template.Outline())
        {
            var section = item.Section;
            var siblings = template.ChildrenOf(section.ParentKey);
            var writer = section.WriterUnitId is { } w ? unitOf.GetValueOrDefault(w) : null;
            rows.Add(new SectionRow(
                section.Id, section.Key, section.ParentKey, item.Label, item.FullLabel, item.Depth, section.Title,
                section.DefaultText, writer?.Code, writer?.Name, section.RunIn, grouped.GetValueOrDefault(section.Key),
                template.ChildrenOf(section.Key).Count, siblings[0] == section, siblings[^1] == section));
        }
        return rows;
    }

    // ---- editing a draft ---------------------------------------------------------------------------------------------

    /// <summary>A draft loaded for change: the template (outline, appendix) and its indicators and rules, tracked.</summary>
    private sealed class Draft(ReportTemplate template, List<Indicator> indicators, List<ValidationRule> rules, List<Unit> units)
    {
        public ReportTemplate Template { get; } = template;
        public List<Indicator> Indicators { get; } = indicators;
        public List<ValidationRule> Rules { get; } = rules;
        public List<Unit> Units { get; } = units;

        public HashSet<string> Codes => Indicators.Select(i => i.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        public HashSet<string> Retired => Indicators.Where(i => i.IsRetired).Select(i => i.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        public Unit? UnitByCode(string? code) => Units.FirstOrDefault(u => !u.IsAgency && string.Equals(u.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    private ServiceResult<int?>? StaleStamp(ReportTemplate template, string? stamp)
    {
        if (Guid.TryParse(stamp, out var posted) && posted == template.ConcurrencyStamp) return null;
        var who = template.UpdatedBy is null ? "" : $" bởi {template.UpdatedBy}";
        var when = template.UpdatedAt is { } at ? $" lúc {VietnameseFormat.LocalDateTime(at)}" : "";
        return ServiceResult.Conflict($"Bản nháp vừa được sửa{who}{when} sau khi bạn mở trang này. Thay đổi của bạn chưa được lưu: hãy tải lại trang để xem bản mới nhất rồi làm lại.");
    }

    /// <summary>
    /// The one way a draft changes: refuse published versions and stale pages, apply the change (which returns a
    /// result only to refuse), renew the stamp, save once. A change saved meanwhile makes the UPDATE match no row.
    /// </summary>
    private async Task<ServiceResult<int?>> EditAsync(int id, string? stamp, Func<Draft, Task<ServiceResult<int?>?>> change, string success, CancellationToken ct)
    {
        var template = await LoadTemplateAsync(id, track: true, ct);
        if (template is null) return ServiceResult.NotFound;
        if (!template.IsDraft)
            return ServiceResult.Conflict($"Phiên bản {template.Version} đã phát hành nên không sửa được. Bấm “Sửa đề cương” để tạo bản nháp mới.");
        if (StaleStamp(template, stamp) is { } stale) return stale;

        var draft = new Draft(
            template,
            await db.Indicators.Where(i => i.TemplateId == id).OrderBy(i => i.SortOrder).ThenBy(i => i.Id).ToListAsync(ct),
            await db.Rules.Where(r => r.TemplateId == id).OrderBy(r => r.Id).ToListAsync(ct),
            await db.Units.AsNoTracking().OrderBy(u => u.SortOrder).ToListAsync(ct));
        try
        {
            if (await change(draft) is { } refused) return refused;
            if (template.IsDraft) template.Touch(currentUser.Name, Now);
            await db.SaveChangesAsync(ct);
            return ServiceResult<int?>.Ok(null, success);
        }
        catch (DomainException ex)
        {
            return ServiceResult.Invalid(new Dictionary<string, string> { [""] = ex.Message }, ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var fresh = await db.Templates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
            return fresh is null
                ? ServiceResult.Conflict("Bản nháp vừa bị hủy bởi người khác.")
                : StaleStamp(fresh, null) ?? ServiceResult.Conflict("Bản nháp vừa được người khác sửa; hãy tải lại trang.");
        }
    }

    private TemplateDocument Export(Draft draft) =>
        TemplateExporter.Export(draft.Template, draft.Indicators, draft.Rules, draft.Units.ToDictionary(u => u.Id, u => u.Code));

    private void Audit(Draft draft, string action, string? subject, object? before, object? after) =>
        db.AuditEntries.Add(AuditEntry.Record(Now, currentUser.Name, action, indicatorCode: subject,
            oldValue: before is null ? null : before as string ?? JsonSerializer.Serialize(before, AuditJson),
            newValue: after is null ? null : after as string ?? JsonSerializer.Serialize(after, AuditJson),
            reason: VersionLabel(draft.Template)));

    private static string VersionLabel(ReportTemplate template) => $"Đề cương {template.Code} phiên bản {template.Version}";

    public Task<ServiceResult<int?>> UpdateGeneralAsync(int id, GeneralForm form, CancellationToken ct) =>
        EditAsync(id, form.Stamp, draft =>
        {
            var errors = new Dictionary<string, string>();
            Required(errors, nameof(form.Name), form.Name, "Tên đề cương", ReportTemplate.MaxNameLength);
            Required(errors, nameof(form.Title), form.Title, "Trích yếu", ReportTemplate.MaxTitleLength);
            Optional(errors, nameof(form.Opening), form.Opening, ReportTemplate.MaxTextLength);
            Optional(errors, nameof(form.Closing), form.Closing, ReportTemplate.MaxTextLength);
            foreach (var (field, text) in new[] { (nameof(form.Title), form.Title), (nameof(form.Opening), form.Opening), (nameof(form.Closing), form.Closing) })
                Placeholders(errors, field, text, draft, allowSides: false);
            if (errors.Count > 0) return Task.FromResult<ServiceResult<int?>?>(ServiceResult.Invalid(errors, "Chưa lưu: vui lòng sửa các ô được đánh dấu."));
            var before = new { draft.Template.Name, draft.Template.TitleTemplate, draft.Template.OpeningTemplate, draft.Template.ClosingTemplate };
            draft.Template.SetTexts(Clean(form.Name)!, Clean(form.Title)!, Clean(form.Opening) ?? "", Clean(form.Closing) ?? "");
            Audit(draft, TemplateAudit.GeneralChanged, null, before,
                new { draft.Template.Name, draft.Template.TitleTemplate, draft.Template.OpeningTemplate, draft.Template.ClosingTemplate });
            return Task.FromResult<ServiceResult<int?>?>(null);
        }, "Đã lưu thông tin chung của đề cương.", ct);

    // ---- small helpers for field checks -------------------------------------------------------------------------------

    /// <summary>NFC, trimmed, CRLF as LF; null when empty.</summary>
    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return text.Normalize(System.Text.NormalizationForm.FormC).Replace("\r\n", "\n").Trim();
    }

    private static void Required(Dictionary<string, string> errors, string field, string? value, string label, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) errors[field] = $"{label} không được để trống.";
        else Optional(errors, field, value, max);
    }

    private static void Optional(Dictionary<string, string> errors, string field, string? value, int max)
    {
        var text = Clean(value);
        if (text is null) return;
        if (text.Length > max) errors[field] = $"Tối đa {VietnameseFormat.Number(max)} ký tự (đang có {VietnameseFormat.Number(text.Length)}).";
        else if (text.Any(c => char.IsControl(c) && c != '\n' && c != '\t')) errors[field] = "Có ký tự điều khiển không hợp lệ.";
    }

    private static void Placeholders(Dictionary<string, string> errors, string field, string? text, Draft draft, bool allowSides)
    {
        if (errors.ContainsKey(field) || string.IsNullOrEmpty(text)) return;
        var problems = TemplateImporter.PlaceholderProblems(text, draft.Codes, draft.Retired, allowSides);
        if (problems.Count > 0) errors[field] = Capitalize(string.Join(" ", problems));
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
