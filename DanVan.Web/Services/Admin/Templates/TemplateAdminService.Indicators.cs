using DanVan.Web.Infrastructure.ServiceResults;
using DanVan.Data.Templates;
using DanVan.Domain.Expressions;
using DanVan.Domain.Indicators;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Services.Admin.Templates;

public sealed partial class TemplateAdminService
{
    public static readonly IReadOnlyList<(string Value, string Label)> Kinds =
    [
        ("count", "Số đếm (số nguyên không âm)"),
        ("percent", "Tỷ lệ % (0–100)"),
        ("yesno", "Có / Không"),
        ("text", "Chữ"),
    ];

    public static string KindLabel(ValueKind kind) => kind switch
    {
        ValueKind.Count => "Số đếm",
        ValueKind.Percent => "Tỷ lệ %",
        ValueKind.YesNo => "Có/Không",
        _ => "Chữ",
    };

    public Task<ServiceResult<int?>> AddIndicatorAsync(int id, IndicatorForm form, CancellationToken ct) =>
        EditAsync(id, form.Stamp, draft =>
        {
            var errors = CheckIndicator(form, draft, null, out var unit, out var kind);
            var code = form.Code?.Trim().ToUpperInvariant() ?? "";
            if (string.IsNullOrEmpty(code)) errors[nameof(form.Code)] = "Mã chỉ tiêu không được để trống.";
            else if (!Indicator.IsValidCode(code))
                errors[nameof(form.Code)] = $"Mã chỉ tiêu gồm chữ không dấu, số, “_”, các phần nối bằng dấu chấm, bắt đầu bằng chữ (VD: HS.SO.TONG), tối đa {Indicator.MaxCodeLength} ký tự.";
            else if (draft.Codes.Contains(code))
                errors[nameof(form.Code)] = draft.Retired.Contains(code)
                    ? $"Mã {code} đã có (đang ngừng sử dụng): hãy khôi phục chỉ tiêu đó thay vì thêm mới."
                    : $"Mã {code} đã có trong đề cương.";
            if (errors.Count > 0) return Task.FromResult<ServiceResult<int?>?>(ServiceResult.Invalid(errors, "Chưa lưu: vui lòng sửa các ô được đánh dấu."));

            var indicator = Indicator.Create(draft.Template.Id, code, Clean(form.Name)!, Clean(form.Measure) ?? "", kind, unit!.Id,
                form.Group!, (draft.Indicators.Count == 0 ? 0 : draft.Indicators.Max(i => i.SortOrder)) + 1, form.Required, Clean(form.Formula));
            db.Indicators.Add(indicator);
            Audit(draft, TemplateAudit.IndicatorAdded, indicator.Code, null, Describe(indicator, unit.Code));
            return Task.FromResult<ServiceResult<int?>?>(null);
        }, $"Đã thêm chỉ tiêu {form.Code?.Trim().ToUpperInvariant()}.", ct);

    public Task<ServiceResult<int?>> UpdateIndicatorAsync(int id, int indicatorId, IndicatorForm form, CancellationToken ct) =>
        EditIndicatorAsync(id, indicatorId, form.Stamp, (draft, indicator) =>
        {
            var errors = CheckIndicator(form, draft, indicator, out var unit, out var kind);
            if (errors.Count > 0) return ServiceResult.Invalid(errors, "Chưa lưu: vui lòng sửa các ô được đánh dấu.");
            var before = Describe(indicator, UnitCode(draft, indicator.UnitId));
            var groupChanged = indicator.GroupKey != form.Group;
            indicator.Update(Clean(form.Name)!, Clean(form.Measure) ?? "", kind, unit!.Id, form.Group!, form.Required, Clean(form.Formula));
            // Moved to another section: it goes to the end of that section's figures.
            if (groupChanged) indicator.SetSortOrder(draft.Indicators.Max(i => i.SortOrder) + 1);
            Audit(draft, TemplateAudit.IndicatorChanged, indicator.Code, before, Describe(indicator, unit.Code));
            return null;
        }, "Đã lưu chỉ tiêu.", ct);

    /// <summary>Up or down among the figures of the same section (the order of the entry form and the report).</summary>
    public Task<ServiceResult<int?>> MoveIndicatorAsync(int id, int indicatorId, MoveForm form, CancellationToken ct) =>
        EditIndicatorAsync(id, indicatorId, form.Stamp, (draft, indicator) =>
        {
            var group = draft.Indicators.Where(i => i.GroupKey == indicator.GroupKey).OrderBy(i => i.SortOrder).ThenBy(i => i.Id).ToList();
            var index = group.IndexOf(indicator);
            var target = form.Direction == "up" ? index - 1 : form.Direction == "down" ? index + 1 : -1;
            if (target < 0 || target >= group.Count) return ServiceResult.Invalid("Chỉ tiêu đã ở đầu hoặc cuối mục, không chuyển được nữa.");
            var other = group[target];
            var (a, b) = (indicator.SortOrder, other.SortOrder);
            if (a == b) b = a + (target > index ? 1 : -1);
            indicator.SetSortOrder(b);
            other.SetSortOrder(a);
            Audit(draft, TemplateAudit.IndicatorMoved, indicator.Code, null, form.Direction == "up" ? $"lên trước {other.Code}" : $"xuống sau {other.Code}");
            return null;
        }, "Đã đổi thứ tự chỉ tiêu.", ct);

    /// <summary>Ngừng sử dụng: not entered nor reported in periods opened with this version; past periods keep it.</summary>
    public Task<ServiceResult<int?>> RetireIndicatorAsync(int id, int indicatorId, string? stamp, CancellationToken ct) =>
        EditIndicatorAsync(id, indicatorId, stamp, (draft, indicator) =>
        {
            if (indicator.IsRetired) return ServiceResult.Invalid($"Chỉ tiêu {indicator.Code} đã ngừng sử dụng.");
            var users = Users(draft, indicator.Code);
            if (users.Count > 0)
                return ServiceResult.Invalid($"Chỉ tiêu {indicator.Code} còn được dùng ở: {string.Join("; ", users)}. Hãy sửa các chỗ đó trước khi ngừng sử dụng chỉ tiêu.");
            indicator.Retire();
            Audit(draft, TemplateAudit.IndicatorRetired, indicator.Code, null, null);
            return null;
        }, "Đã ngừng sử dụng chỉ tiêu: các kỳ mở với phiên bản này sẽ không nhập và không báo cáo chỉ tiêu đó; các kỳ trước giữ nguyên số liệu.", ct);

    public Task<ServiceResult<int?>> RestoreIndicatorAsync(int id, int indicatorId, string? stamp, CancellationToken ct) =>
        EditIndicatorAsync(id, indicatorId, stamp, (draft, indicator) =>
        {
            if (!indicator.IsRetired) return ServiceResult.Invalid($"Chỉ tiêu {indicator.Code} đang được sử dụng.");
            indicator.Restore();
            Audit(draft, TemplateAudit.IndicatorRestored, indicator.Code, null, null);
            return null;
        }, "Đã khôi phục chỉ tiêu.", ct);

    /// <summary>Only an indicator without values anywhere may be deleted (usually one added in this draft).</summary>
    public Task<ServiceResult<int?>> DeleteIndicatorAsync(int id, int indicatorId, string? stamp, CancellationToken ct) =>
        EditAsync(id, stamp, async draft =>
        {
            var indicator = draft.Indicators.FirstOrDefault(i => i.Id == indicatorId);
            if (indicator is null) return ServiceResult.NotFound;
            var code = indicator.Code;
            var hasValues = await (from i in db.Indicators.AsNoTracking()
                                   join v in db.Values.AsNoTracking() on i.Id equals v.IndicatorId
                                   where i.Code == code
                                   select v.Id).AnyAsync(ct);
            if (hasValues)
                return ServiceResult.Invalid($"Chỉ tiêu {code} đã có số liệu ở các kỳ trước nên không xóa được; hãy dùng “Ngừng sử dụng”.");
            var users = Users(draft, code);
            if (users.Count > 0)
                return ServiceResult.Invalid($"Chỉ tiêu {code} còn được dùng ở: {string.Join("; ", users)}. Hãy sửa các chỗ đó trước khi xóa.");
            db.Indicators.Remove(indicator);
            Audit(draft, TemplateAudit.IndicatorDeleted, code, Describe(indicator, UnitCode(draft, indicator.UnitId)), null);
            return null;
        }, "Đã xóa chỉ tiêu.", ct);

    private Task<ServiceResult<int?>> EditIndicatorAsync(int id, int indicatorId, string? stamp, Func<Draft, Indicator, ServiceResult<int?>?> change, string success, CancellationToken ct) =>
        EditAsync(id, stamp, draft =>
        {
            var indicator = draft.Indicators.FirstOrDefault(i => i.Id == indicatorId);
            return Task.FromResult(indicator is null ? ServiceResult.NotFound : change(draft, indicator));
        }, success, ct);

    private Dictionary<string, string> CheckIndicator(IndicatorForm form, Draft draft, Indicator? editing, out Domain.Organization.Unit? unit, out ValueKind kind)
    {
        var errors = new Dictionary<string, string>();
        Required(errors, nameof(form.Name), form.Name, "Tên chỉ tiêu", Indicator.MaxNameLength);
        Optional(errors, nameof(form.Measure), form.Measure, Indicator.MaxMeasureLength);
        kind = TemplateImporter.ParseKind(form.Kind) ?? ValueKind.Count;
        if (TemplateImporter.ParseKind(form.Kind) is null) errors[nameof(form.Kind)] = "Chọn loại số liệu.";
        unit = draft.UnitByCode(form.Unit);
        if (unit is null) errors[nameof(form.Unit)] = "Chọn đơn vị cung cấp số liệu.";
        else if (unit.IsRetired && unit.Id != editing?.UnitId) errors[nameof(form.Unit)] = $"Đơn vị {unit.Name} đã ngừng hoạt động.";
        if (string.IsNullOrWhiteSpace(form.Group) || draft.Template.Section(form.Group) is null) errors[nameof(form.Group)] = "Chọn mục của đề cương chứa chỉ tiêu.";

        var formula = Clean(form.Formula);
        if (formula is not null)
        {
            if (kind == ValueKind.Text) errors[nameof(form.Formula)] = "Chỉ tiêu dạng chữ không tính bằng công thức được.";
            else if (formula.Length > ExpressionParser.MaxLength) errors[nameof(form.Formula)] = $"Công thức dài quá {ExpressionParser.MaxLength} ký tự.";
            else
            {
                var self = editing?.Code ?? form.Code?.Trim().ToUpperInvariant() ?? "";
                var codes = draft.Codes;
                codes.Add(self);
                var problems = TemplateImporter.ExpressionProblems(formula, codes, draft.Retired, out var expr);
                if (problems.Count > 0) errors[nameof(form.Formula)] = Capitalize(string.Join(" ", problems));
                else
                {
                    var formulas = draft.Indicators.Where(i => i.IsComputed && i.Code != self)
                        .ToDictionary(i => i.Code, i => ExpressionParser.Parse(i.Formula!), StringComparer.OrdinalIgnoreCase);
                    formulas[self] = expr!;
                    var cycles = TemplateImporter.Cycles(formulas).Where(c => c.Contains(self, StringComparison.OrdinalIgnoreCase)).ToList();
                    if (cycles.Count > 0) errors[nameof(form.Formula)] = cycles[0];
                }
            }
        }
        return errors;
    }

    /// <summary>Where a code is used in the draft: formulas of active indicators, rules, texts of the outline and appendix.</summary>
    private static List<string> Users(Draft draft, string code)
    {
        var users = new List<string>();
        bool Reads(string? expression) =>
            expression is not null && ExpressionParser.TryParse(expression, out var e, out _)
            && e!.CurrentCodes().Concat(e.PreviousCodes()).Contains(code, StringComparer.OrdinalIgnoreCase);
        bool Cites(string? text) =>
            text is not null && TemplateImporter.PlaceholderCodes(text).Contains(code, StringComparer.OrdinalIgnoreCase);

        users.AddRange(draft.Indicators.Where(i => !i.IsRetired && i.Code != code && Reads(i.Formula)).Select(i => $"công thức của {i.Code}"));
        users.AddRange(draft.Rules.Where(r => !r.IsRetired && (Reads(r.Left) || Reads(r.Right) || Cites(r.Message))).Select(r => $"quy tắc {r.Code}"));
        users.AddRange(draft.Template.Sections.Where(s => Cites(s.DefaultText)).Select(s => $"nội dung mục “{(s.Title.Length > 0 ? s.Title : s.Key)}”"));
        if (draft.Template.Appendix().Any(r => Cites(r.Text))) users.Add("phụ lục số liệu");
        if (Cites(draft.Template.TitleTemplate) || Cites(draft.Template.OpeningTemplate) || Cites(draft.Template.ClosingTemplate)) users.Add("thông tin chung");
        return users;
    }

    private static string UnitCode(Draft draft, int unitId) => draft.Units.First(u => u.Id == unitId).Code;

    private static IndicatorDocument Describe(Indicator i, string unitCode) =>
        new(i.Code, i.Name, i.Measure, TemplateExporter.KindName(i.Kind), unitCode, i.GroupKey, i.IsRequired, i.Formula, i.IsRetired ? true : null);
}
