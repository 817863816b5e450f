using DanVan.Domain.Common;
using DanVan.Data.Templates;
using DanVan.Domain.Expressions;
using DanVan.Domain.Formatting;
using DanVan.Domain.Indicators;
using DanVan.Domain.Organization;
using DanVan.Domain.Periods;
using DanVan.Domain.Reports;
using DanVan.Domain.Rules;
using DanVan.Web.Features.Figures;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Services.Admin.Templates;

public sealed partial class TemplateAdminService
{
    public static readonly IReadOnlyList<(string Value, string Label)> Operators =
        [("=", "= (bằng)"), ("<=", "≤ (không lớn hơn)"), (">=", "≥ (không nhỏ hơn)"), ("<", "< (nhỏ hơn)"), (">", "> (lớn hơn)")];

    public static readonly IReadOnlyList<(string Value, string Label)> Severities =
        [("error", "Lỗi: chặn “Gửi” nếu đơn vị không giải trình"), ("warning", "Cảnh báo: chỉ nhắc, không chặn")];

    public static string SeverityName(Severity severity) => ApiNames.Of(severity);

    /// <summary>Adds (ruleId null) or changes a rule of the draft.</summary>
    public Task<TemplateResult> SaveRuleAsync(int id, int? ruleId, RuleForm form, CancellationToken ct)
    {
        var code = form.Code?.Trim() ?? "";
        return EditAsync(id, form.Stamp, draft =>
        {
            ValidationRule? rule = null;
            if (ruleId is { } existing && (rule = draft.Rules.FirstOrDefault(r => r.Id == existing && !r.IsRetired)) is null)
                return Task.FromResult<TemplateResult?>(TemplateResult.NotFound);
            var errors = CheckRule(form, draft.Codes, draft.Retired, out var op, out var severity);
            if (rule is null)
            {
                if (code.Length == 0) errors[nameof(form.Code)] = "Mã quy tắc không được để trống.";
                else if (code.Length > ValidationRule.MaxCodeLength || !ReportTemplate.IsValidKey(code))
                    errors[nameof(form.Code)] = $"Mã quy tắc gồm chữ không dấu, số, “.”, “_”, “-” (VD: R.HS.TONG), tối đa {ValidationRule.MaxCodeLength} ký tự.";
                else if (draft.Rules.Any(r => r.Code == code)) errors[nameof(form.Code)] = $"Mã quy tắc {code} đã có.";
            }
            if (errors.Count > 0) return Task.FromResult<TemplateResult?>(TemplateResult.Invalid(errors));

            if (rule is null)
            {
                rule = ValidationRule.Create(draft.Template.Id, code, Clean(form.Left)!, op, Clean(form.Right)!, severity, Clean(form.Message)!);
                db.Rules.Add(rule);
                Audit(draft, TemplateAudit.RuleAdded, rule.Code, null, Describe(rule));
            }
            else
            {
                var before = Describe(rule);
                rule.Update(Clean(form.Left)!, op, Clean(form.Right)!, severity, Clean(form.Message)!);
                Audit(draft, TemplateAudit.RuleChanged, rule.Code, before, Describe(rule));
            }
            return Task.FromResult<TemplateResult?>(null);
        }, ruleId is null ? $"Đã thêm quy tắc {code}." : "Đã lưu quy tắc.", ct);
    }

    public Task<TemplateResult> DeleteRuleAsync(int id, int ruleId, string? stamp, CancellationToken ct) =>
        EditAsync(id, stamp, draft =>
        {
            var rule = draft.Rules.FirstOrDefault(r => r.Id == ruleId);
            if (rule is null) return Task.FromResult<TemplateResult?>(TemplateResult.NotFound);
            db.Rules.Remove(rule);
            Audit(draft, TemplateAudit.RuleDeleted, rule.Code, Describe(rule), null);
            return Task.FromResult<TemplateResult?>(null);
        }, "Đã xóa quy tắc. Các kỳ đã mở giữ quy tắc của phiên bản mình.", ct);

    /// <summary>
    /// Thử quy tắc: the rule as typed (not saved), against the stored figures of an existing period, read by code and
    /// with this version's formulas and suppliers, through the same evaluator and value sources as the entry form.
    /// </summary>
    public async Task<(IReadOnlyDictionary<string, string>? Errors, DryRunResult? Result)> DryRunAsync(int id, RuleForm form, CancellationToken ct)
    {
        var template = await db.Templates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (template is null) return (null, null);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.TemplateId == id).ToListAsync(ct);
        var codes = indicators.Select(i => i.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var retired = indicators.Where(i => i.IsRetired).Select(i => i.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var errors = CheckRule(form, codes, retired, out var op, out var severity);
        var period = PeriodCode.TryParse(form.Period ?? "", out var periodCode)
            ? await db.Periods.AsNoTracking().SingleOrDefaultAsync(p => p.Code == periodCode.ToString(), ct)
            : null;
        if (period is null) errors[nameof(form.Period)] = "Chọn kỳ báo cáo để thử quy tắc.";
        if (errors.Count > 0) return (errors, null);

        var code = form.Code?.Trim() is { Length: > 0 and <= ValidationRule.MaxCodeLength } typed ? typed : "THU";
        var rule = ValidationRule.Create(id, code, Clean(form.Left)!, op, Clean(form.Right)!,
            severity, Clean(form.Message)!);
        // The period's participants (decision 0010), whether or not they are retired today.
        var periodId = period!.Id;
        var units = await db.Units.AsNoTracking()
            .Where(u => !u.IsAgency && (db.PeriodParticipants.Any(pp => pp.PeriodId == periodId && pp.UnitId == u.Id)
                || db.Submissions.Any(s => s.PeriodId == periodId && s.UnitId == u.Id)))
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Code).ToListAsync(ct);
        var active = indicators.Where(i => !i.IsRetired).ToList();
        // The period's stored figures, read with this version's formulas (the version being edited, not the period's).
        var stored = await PeriodFigures.LoadAsync(db, period!, ct);
        var figures = stored with { Formulas = PeriodFigures.FormulasOf(active) };

        var supplied = active.ToLookup(i => i.UnitId, i => i.Code);
        var rows = new List<DryRunUnit>();
        foreach (var unit in units)
        {
            var own = supplied[unit.Id].ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (own.Count == 0 || !RuleEvaluator.ApplicableTo([rule], own).Any()) continue;
            rows.Add(Verdict(rule, figures.ValuesOf(own), unit.Code, unit.Name));
        }

        string? note = null;
        if (rows.Count == 0)
        {
            var owners = rule.CurrentCodes.Select(c => active.FirstOrDefault(i => i.Code.Equals(c, StringComparison.OrdinalIgnoreCase)))
                .OfType<Indicator>().Select(i => units.FirstOrDefault(u => u.Id == i.UnitId)?.Code).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
            note = owners.Count > 1
                ? $"Quy tắc dùng chỉ tiêu của nhiều đơn vị ({string.Join(", ", owners)}). Phiếu của mỗi đơn vị chỉ kiểm tra quy tắc mà mọi chỉ tiêu đều do đơn vị đó cung cấp, nên quy tắc này sẽ không cảnh báo đơn vị nào. Kết quả dưới đây tính trên toàn bộ số liệu của kỳ."
                : "Không đơn vị nào cung cấp đủ các chỉ tiêu của quy tắc. Kết quả dưới đây tính trên toàn bộ số liệu của kỳ.";
            rows.Add(Verdict(rule, figures.Values, "", "Toàn bộ số liệu của kỳ"));
        }
        var flagged = rows.Count(r => r.UnitCode.Length > 0 && r.Verdict == DryRunVerdict.Flagged);
        return (null, new DryRunResult(period!.Code, period.Name, flagged, rows, note));
    }

    private static DryRunUnit Verdict(ValidationRule rule, IValueSource source, string unitCode, string unitName)
    {
        // The verdict is the entry form's: ValidationRule.Check; the sides are only shown.
        var violation = rule.Check(source);
        var left = rule.LeftExpr.Evaluate(source);
        var right = rule.RightExpr.Evaluate(source);
        var verdict = violation is not null ? DryRunVerdict.Flagged
            : left is null || right is null ? DryRunVerdict.Blank : DryRunVerdict.Holds;
        return new DryRunUnit(unitCode, unitName, verdict, rule.LeftExpr.Detail(source), Format(left), rule.RightExpr.Detail(source), Format(right),
            violation?.Message);
    }

    private static string? Format(decimal? value) => value is { } v ? VietnameseFormat.Number(v, 2) : null;

    /// <summary>The period a dry run starts on: the newest one with stored figures.</summary>
    public async Task<string?> DefaultDryRunPeriodAsync(CancellationToken ct) =>
        await (from p in db.Periods.AsNoTracking()
               where db.Values.Any(v => v.PeriodId == p.Id)
               orderby p.CutoffTo descending
               select p.Code).FirstOrDefaultAsync(ct);

    private static Dictionary<string, string> CheckRule(RuleForm form, IReadOnlySet<string> codes, IReadOnlySet<string> retired, out RuleOperator op, out Severity severity)
    {
        var errors = new Dictionary<string, string>();
        foreach (var (field, text, label) in new[] { (nameof(form.Left), form.Left, "Vế trái"), (nameof(form.Right), form.Right, "Vế phải") })
        {
            var expression = Clean(text);
            if (expression is null) errors[field] = $"{label} không được để trống.";
            else if (expression.Length > ExpressionParser.MaxLength) errors[field] = $"{label} dài quá {ExpressionParser.MaxLength} ký tự.";
            else if (TemplateImporter.ExpressionProblems(expression, codes, retired, out _) is { Count: > 0 } problems)
                errors[field] = Capitalize(string.Join(" ", problems));
        }
        op = RuleOperator.Equal;
        try
        {
            op = RuleOperatorText.Parse(form.Op ?? "");
        }
        catch (FormatException ex)
        {
            errors[nameof(form.Op)] = ex.Message;
        }
        severity = TemplateImporter.ParseSeverity(form.Severity) ?? Severity.Error;
        if (TemplateImporter.ParseSeverity(form.Severity) is null) errors[nameof(form.Severity)] = "Chọn mức độ.";
        Required(errors, nameof(form.Message), form.Message, "Thông báo", ValidationRule.MaxMessageLength);
        if (!errors.ContainsKey(nameof(form.Message)))
        {
            var problems = TemplateImporter.PlaceholderProblems(Clean(form.Message)!, codes, retired, allowSides: true);
            if (problems.Count > 0) errors[nameof(form.Message)] = Capitalize(string.Join(" ", problems));
        }
        return errors;
    }

    private static RuleDocument Describe(ValidationRule r) => new(r.Code, r.Left, r.Operator.Symbol(), r.Right, SeverityName(r.Severity), r.Message);
}
