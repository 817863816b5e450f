using DanVan.Data.Templates;

namespace DanVan.Web.Services.Admin.Templates;

/// <summary>What changed between two versions, in Vietnamese lines an admin reads before publishing.</summary>
public static class TemplateDiff
{
    public static IReadOnlyList<string> Describe(TemplateDocument before, TemplateDocument after)
    {
        var lines = new List<string>();
        if (before.Name != after.Name || before.Title != after.Title || before.Opening != after.Opening || before.Closing != after.Closing)
            lines.Add("Thông tin chung (tên, trích yếu, đoạn mở đầu hoặc đoạn kết) đã sửa.");

        var oldIndicators = before.Indicators.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        var newIndicators = after.Indicators.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        foreach (var i in after.Indicators)
        {
            if (!oldIndicators.TryGetValue(i.Code, out var old)) { lines.Add($"Chỉ tiêu mới {i.Code}: {i.Name}."); continue; }
            if (old.Retired != true && i.Retired == true) { lines.Add($"Chỉ tiêu {i.Code} ngừng sử dụng."); continue; }
            if (old.Retired == true && i.Retired != true) lines.Add($"Chỉ tiêu {i.Code} được dùng lại.");
            var what = new List<string>();
            if (old.Name != i.Name) what.Add($"tên “{old.Name}” → “{i.Name}”");
            if (old.Measure != i.Measure) what.Add($"đơn vị tính “{old.Measure}” → “{i.Measure}”");
            if (old.Unit != i.Unit) what.Add($"đơn vị cung cấp {old.Unit} → {i.Unit}");
            if (old.Kind != i.Kind) what.Add($"loại {old.Kind} → {i.Kind}");
            if (old.Group != i.Group) what.Add($"mục {old.Group} → {i.Group}");
            if (old.Required != i.Required) what.Add(i.Required ? "thành bắt buộc" : "thành không bắt buộc");
            if (old.Formula != i.Formula) what.Add($"công thức “{old.Formula ?? "(nhập tay)"}” → “{i.Formula ?? "(nhập tay)"}”");
            if (what.Count > 0) lines.Add($"Chỉ tiêu {i.Code}: {string.Join("; ", what)}.");
        }
        lines.AddRange(before.Indicators.Where(i => !newIndicators.ContainsKey(i.Code)).Select(i => $"Chỉ tiêu {i.Code} bị xóa."));

        var oldRules = before.Rules.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var newRules = after.Rules.ToDictionary(r => r.Code, StringComparer.Ordinal);
        foreach (var r in after.Rules)
        {
            if (!oldRules.TryGetValue(r.Code, out var old)) lines.Add($"Quy tắc mới {r.Code}: {r.Left} {r.Op} {r.Right}.");
            else if (old != r) lines.Add($"Quy tắc {r.Code}: {old.Left} {old.Op} {old.Right} → {r.Left} {r.Op} {r.Right}{(old.Message != r.Message ? " (thông báo đã sửa)" : "")}{(old.Severity != r.Severity ? $" (mức độ {r.Severity})" : "")}.");
        }
        lines.AddRange(before.Rules.Where(r => !newRules.ContainsKey(r.Code)).Select(r => $"Quy tắc {r.Code} bị xóa."));

        var oldSections = Flatten(before.Sections, null).ToDictionary(s => s.Section.Key);
        var newSections = Flatten(after.Sections, null).ToList();
        foreach (var (s, parent, index) in newSections)
        {
            if (!oldSections.TryGetValue(s.Key, out var old)) { lines.Add($"Mục mới “{Name(s)}”."); continue; }
            var what = new List<string>();
            if (old.Section.Title != s.Title) what.Add($"tiêu đề “{old.Section.Title}” → “{s.Title}”");
            if (old.Section.Text != s.Text) what.Add("nội dung mặc định");
            if (old.Section.Writer != s.Writer) what.Add($"đơn vị viết {old.Section.Writer ?? "(văn phòng)"} → {s.Writer ?? "(văn phòng)"}");
            if (old.Section.RunIn != s.RunIn) what.Add(s.RunIn ? "thành viết liền" : "thành tiêu đề riêng");
            if (old.Parent != parent || old.Index != index) what.Add("vị trí");
            if (what.Count > 0) lines.Add($"Mục “{Name(s)}”: {string.Join("; ", what)}.");
        }
        var keys = newSections.Select(s => s.Section.Key).ToHashSet(StringComparer.Ordinal);
        lines.AddRange(oldSections.Values.Where(s => !keys.Contains(s.Section.Key)).Select(s => $"Mục “{Name(s.Section)}” bị xóa."));

        if (!before.Appendix.SequenceEqual(after.Appendix)) lines.Add($"Phụ lục số liệu đã sửa ({before.Appendix.Count} → {after.Appendix.Count} dòng).");
        return lines;
    }

    private static string Name(SectionDocument s) => s.Title.Length > 0 ? s.Title : s.Key;

    private static IEnumerable<(SectionDocument Section, string? Parent, int Index)> Flatten(IReadOnlyList<SectionDocument>? sections, string? parent) =>
        (sections ?? []).SelectMany((s, i) => new[] { (s, parent, i) }.Concat(Flatten(s.Children, s.Key)));
}
