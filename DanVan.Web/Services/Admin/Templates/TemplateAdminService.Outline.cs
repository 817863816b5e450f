using DanVan.Web.Infrastructure.ServiceResults;
using DanVan.Domain.Reports;

namespace DanVan.Web.Services.Admin.Templates;

public sealed partial class TemplateAdminService
{
    public Task<ServiceResult<int?>> AddSectionAsync(int id, SectionForm form, CancellationToken ct) =>
        EditAsync(id, form.Stamp, draft =>
        {
            var template = draft.Template;
            var errors = CheckSection(form, draft, out var writerId);
            var parent = string.IsNullOrWhiteSpace(form.Parent) ? null : form.Parent.Trim();
            if (parent is not null && template.Section(parent) is null) errors[nameof(form.Parent)] = "Mục cha không có trong đề cương.";
            else if (parent is not null && template.DepthOf(parent) >= ReportTemplate.MaxDepth)
                errors[nameof(form.Parent)] = "Đề cương chỉ có ba cấp (I., 1., a)): không thêm được mục con dưới mục cấp a).";
            var key = form.Key?.Trim();
            if (string.IsNullOrEmpty(key)) key = template.SuggestKey(parent, form.Title ?? "");
            else if (!ReportTemplate.IsValidKey(key)) errors[nameof(form.Key)] = "Khóa gồm chữ không dấu, số, “.”, “_”, “-”, tối đa 128 ký tự (VD: ketqua.phoihop).";
            else if (template.Section(key) is not null) errors[nameof(form.Key)] = $"Khóa “{key}” đã có.";
            if (errors.Count > 0) return Task.FromResult<ServiceResult<int?>?>(ServiceResult.Invalid(errors, "Chưa lưu: vui lòng sửa các ô được đánh dấu."));

            var section = template.AddSection(key, parent, Clean(form.Title) ?? "", Clean(form.DefaultText), writerId, form.RunIn);
            Audit(draft, TemplateAudit.SectionAdded, section.Key, null, Describe(section, draft));
            return Task.FromResult<ServiceResult<int?>?>(null);
        }, "Đã thêm mục vào đề cương.", ct);

    public Task<ServiceResult<int?>> UpdateSectionAsync(int id, int sectionId, SectionForm form, CancellationToken ct) =>
        EditSectionAsync(id, sectionId, form.Stamp, (draft, section) =>
        {
            var errors = CheckSection(form, draft, out var writerId);
            if (errors.Count > 0) return ServiceResult.Invalid(errors, "Chưa lưu: vui lòng sửa các ô được đánh dấu.");
            var before = Describe(section, draft);
            draft.Template.UpdateSection(section.Key, Clean(form.Title) ?? "", Clean(form.DefaultText), writerId, form.RunIn);
            Audit(draft, TemplateAudit.SectionChanged, section.Key, before, Describe(section, draft));
            return null;
        }, "Đã lưu mục.", ct);

    /// <summary>Up or down among its siblings, or under another parent (none for the top level).</summary>
    public Task<ServiceResult<int?>> MoveSectionAsync(int id, int sectionId, MoveForm form, CancellationToken ct) =>
        EditSectionAsync(id, sectionId, form.Stamp, (draft, section) =>
        {
            var template = draft.Template;
            var before = $"{section.ParentKey ?? "(cấp cao nhất)"} #{section.Order}";
            switch (form.Direction)
            {
                case "up" or "down":
                    var siblings = template.ChildrenOf(section.ParentKey);
                    if (form.Direction == "up" ? siblings[0] == section : siblings[^1] == section)
                        return ServiceResult.Invalid("Mục đã ở đầu hoặc cuối, không chuyển được nữa.");
                    template.MoveSection(section.Key, form.Direction == "up" ? -1 : 1);
                    break;
                case "parent":
                    var parent = string.IsNullOrWhiteSpace(form.Parent) ? null : form.Parent.Trim();
                    if (parent is not null && template.Section(parent) is null)
                        return ServiceResult.Invalid("Mục cha không có trong đề cương.");
                    template.MoveSectionUnder(section.Key, parent);
                    break;
                default:
                    return ServiceResult.Invalid("Chọn cách chuyển mục: lên, xuống hoặc sang mục cha khác.");
            }
            Audit(draft, TemplateAudit.SectionMoved, section.Key, before, $"{section.ParentKey ?? "(cấp cao nhất)"} #{section.Order}");
            return null;
        }, "Đã chuyển mục; số thứ tự được đánh lại theo vị trí mới.", ct);

    public Task<ServiceResult<int?>> DeleteSectionAsync(int id, int sectionId, string? stamp, CancellationToken ct) =>
        EditSectionAsync(id, sectionId, stamp, (draft, section) =>
        {
            var grouped = draft.Indicators.Where(i => i.GroupKey == section.Key).Select(i => i.Code).ToList();
            if (grouped.Count > 0)
                return ServiceResult.Invalid(
                    $"Không xóa được mục “{Title(section)}”: còn {grouped.Count} chỉ tiêu thuộc mục này ({string.Join(", ", grouped.Take(8))}{(grouped.Count > 8 ? ", …" : "")}). Hãy chuyển các chỉ tiêu sang mục khác trước.");
            var before = Describe(section, draft);
            draft.Template.RemoveSection(section.Key);
            Audit(draft, TemplateAudit.SectionDeleted, section.Key, before, null);
            return null;
        }, "Đã xóa mục khỏi đề cương.", ct);

    private Task<ServiceResult<int?>> EditSectionAsync(int id, int sectionId, string? stamp, Func<Draft, OutlineSection, ServiceResult<int?>?> change, string success, CancellationToken ct) =>
        EditAsync(id, stamp, draft =>
        {
            var section = draft.Template.Sections.FirstOrDefault(s => s.Id == sectionId);
            return Task.FromResult(section is null ? ServiceResult.NotFound : change(draft, section));
        }, success, ct);

    private static Dictionary<string, string> CheckSection(SectionForm form, Draft draft, out int? writerId)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(form.Title) && !form.RunIn)
            errors[nameof(form.Title)] = "Tiêu đề không được để trống (chỉ mục viết liền mới được để trống tiêu đề: khi đó mục là một đoạn văn đánh số).";
        else Optional(errors, nameof(form.Title), form.Title, OutlineSection.MaxTitleLength);
        Optional(errors, nameof(form.DefaultText), form.DefaultText, 100_000);
        Placeholders(errors, nameof(form.DefaultText), Clean(form.DefaultText), draft, allowSides: false);
        writerId = null;
        if (!string.IsNullOrWhiteSpace(form.Writer))
        {
            var unit = draft.UnitByCode(form.Writer);
            if (unit is null) errors[nameof(form.Writer)] = "Đơn vị viết không tồn tại.";
            else writerId = unit.Id;
        }
        return errors;
    }

    private static string Title(OutlineSection section) => section.Title.Length > 0 ? section.Title : section.Key;

    private static Data.Templates.SectionDocument Describe(OutlineSection s, Draft draft) =>
        new(s.Key, s.Title, s.WriterUnitId is { } w ? UnitCode(draft, w) : null, s.DefaultText, s.RunIn, null);

    // ---- appendix ------------------------------------------------------------------------------------------------------

    public Task<ServiceResult<int?>> AddAppendixRowAsync(int id, AppendixForm form, CancellationToken ct) =>
        EditAsync(id, form.Stamp, draft =>
        {
            var errors = CheckAppendix(form, draft);
            if (errors.Count > 0) return Task.FromResult<ServiceResult<int?>?>(ServiceResult.Invalid(errors, "Chưa lưu: vui lòng sửa các ô được đánh dấu."));
            var row = draft.Template.AddAppendixRow(form.Level, Clean(form.Text)!);
            Audit(draft, TemplateAudit.AppendixAdded, null, null, new Data.Templates.AppendixRowDocument(row.Level, row.Text));
            return Task.FromResult<ServiceResult<int?>?>(null);
        }, "Đã thêm dòng phụ lục.", ct);

    public Task<ServiceResult<int?>> UpdateAppendixRowAsync(int id, int rowId, AppendixForm form, CancellationToken ct) =>
        EditRowAsync(id, rowId, form.Stamp, (draft, row) =>
        {
            var errors = CheckAppendix(form, draft);
            if (errors.Count > 0) return ServiceResult.Invalid(errors, "Chưa lưu: vui lòng sửa các ô được đánh dấu.");
            var before = new Data.Templates.AppendixRowDocument(row.Level, row.Text);
            draft.Template.UpdateAppendixRow(row.Order, form.Level, Clean(form.Text)!);
            Audit(draft, TemplateAudit.AppendixChanged, null, before, new Data.Templates.AppendixRowDocument(row.Level, row.Text));
            return null;
        }, "Đã lưu dòng phụ lục.", ct);

    public Task<ServiceResult<int?>> MoveAppendixRowAsync(int id, int rowId, MoveForm form, CancellationToken ct) =>
        EditRowAsync(id, rowId, form.Stamp, (draft, row) =>
        {
            var offset = form.Direction == "up" ? -1 : form.Direction == "down" ? 1 : 0;
            var target = row.Order + offset;
            if (offset == 0 || target < 1 || target > draft.Template.AppendixRows.Count)
                return ServiceResult.Invalid("Dòng đã ở đầu hoặc cuối phụ lục, không chuyển được nữa.");
            var before = row.Order;
            draft.Template.MoveAppendixRow(row.Order, offset);
            Audit(draft, TemplateAudit.AppendixMoved, null, $"dòng {before}: {row.Text}", $"dòng {row.Order}");
            return null;
        }, "Đã đổi thứ tự dòng phụ lục.", ct);

    public Task<ServiceResult<int?>> DeleteAppendixRowAsync(int id, int rowId, string? stamp, CancellationToken ct) =>
        EditRowAsync(id, rowId, stamp, (draft, row) =>
        {
            var before = new Data.Templates.AppendixRowDocument(row.Level, row.Text);
            draft.Template.RemoveAppendixRow(row.Order);
            Audit(draft, TemplateAudit.AppendixDeleted, null, before, null);
            return null;
        }, "Đã xóa dòng phụ lục.", ct);

    private Task<ServiceResult<int?>> EditRowAsync(int id, int rowId, string? stamp, Func<Draft, AppendixRow, ServiceResult<int?>?> change, string success, CancellationToken ct) =>
        EditAsync(id, stamp, draft =>
        {
            var row = draft.Template.AppendixRows.FirstOrDefault(r => r.Id == rowId);
            return Task.FromResult(row is null ? ServiceResult.NotFound : change(draft, row));
        }, success, ct);

    private static Dictionary<string, string> CheckAppendix(AppendixForm form, Draft draft)
    {
        var errors = new Dictionary<string, string>();
        if (form.Level is not (0 or 1)) errors[nameof(form.Level)] = "Chọn cấp dòng: mục đánh số hoặc dòng gạch đầu dòng.";
        Required(errors, nameof(form.Text), form.Text, "Nội dung dòng", AppendixRow.MaxTextLength);
        Placeholders(errors, nameof(form.Text), Clean(form.Text), draft, allowSides: false);
        return errors;
    }
}
