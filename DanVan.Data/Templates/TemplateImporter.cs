using DanVan.Domain.Expressions;
using DanVan.Domain.Indicators;
using DanVan.Domain.Reports;
using DanVan.Domain.Rules;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DanVan.Data.Templates;

/// <summary>The template as entities, ready to add to the context (indicators and rules get the template id on save).</summary>
public sealed record ImportedTemplate(ReportTemplate Template, IReadOnlyList<Func<int, Indicator>> Indicators, IReadOnlyList<Func<int, ValidationRule>> Rules);

/// <summary>Reads and checks a template JSON file; every problem is reported in Vietnamese, nothing is half-built.</summary>
public static partial class TemplateImporter
{
    public const int MaxFileBytes = 2 * 1024 * 1024;

    public static TemplateDocument Read(Stream json)
    {
        try
        {
            return JsonSerializer.Deserialize<TemplateDocument>(json, TemplateDocument.JsonOptions)
                ?? throw new TemplateImportException(["Tệp đề cương trống."]);
        }
        catch (JsonException ex)
        {
            throw new TemplateImportException([$"Tệp đề cương không phải JSON hợp lệ (dòng {ex.LineNumber + 1}): {ex.Message}"]);
        }
    }

    public static IReadOnlyList<string> Validate(TemplateDocument doc, IReadOnlySet<string> unitCodes)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(doc.Code)) errors.Add("Thiếu mã đề cương (code).");
        if (doc.Version < 1) errors.Add("Phiên bản (version) phải từ 1.");
        if (string.IsNullOrWhiteSpace(doc.Title)) errors.Add("Thiếu trích yếu (title).");

        var sectionKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in Flatten(doc.Sections ?? []))
        {
            if (string.IsNullOrWhiteSpace(s.Key)) errors.Add("Có mục không có khóa (key).");
            else if (!sectionKeys.Add(s.Key)) errors.Add($"Khóa mục “{s.Key}” bị trùng.");
            if (string.IsNullOrWhiteSpace(s.Title) && !s.RunIn) errors.Add($"Mục “{s.Key}” chưa có tiêu đề (chỉ mục viết liền, runIn, được để trống).");
            if (s.Writer is not null && !unitCodes.Contains(s.Writer)) errors.Add($"Mục “{s.Key}”: đơn vị viết “{s.Writer}” không tồn tại.");
        }

        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var i in doc.Indicators ?? [])
        {
            if (string.IsNullOrWhiteSpace(i.Code)) { errors.Add("Có chỉ tiêu không có mã."); continue; }
            if (!codes.Add(i.Code)) errors.Add($"Mã chỉ tiêu “{i.Code}” bị trùng.");
            if (ParseKind(i.Kind) is null) errors.Add($"Chỉ tiêu {i.Code}: loại “{i.Kind}” không hợp lệ (count, percent, yesno, text).");
            if (!unitCodes.Contains(i.Unit ?? "")) errors.Add($"Chỉ tiêu {i.Code}: đơn vị “{i.Unit}” không tồn tại.");
            if (!sectionKeys.Contains(i.Group ?? "")) errors.Add($"Chỉ tiêu {i.Code}: mục “{i.Group}” không có trong đề cương.");
        }
        foreach (var i in (doc.Indicators ?? []).Where(i => i.Formula is not null))
        {
            CheckExpression($"Công thức của {i.Code}", i.Formula!, codes, errors);
        }

        var ruleCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in doc.Rules ?? [])
        {
            if (string.IsNullOrWhiteSpace(r.Code)) { errors.Add("Có quy tắc không có mã."); continue; }
            if (!ruleCodes.Add(r.Code)) errors.Add($"Mã quy tắc “{r.Code}” bị trùng.");
            try { RuleOperatorText.Parse(r.Op ?? ""); }
            catch (FormatException ex) { errors.Add($"Quy tắc {r.Code}: {ex.Message}"); }
            if (ParseSeverity(r.Severity) is null) errors.Add($"Quy tắc {r.Code}: mức độ “{r.Severity}” không hợp lệ (error, warning).");
            CheckExpression($"Quy tắc {r.Code} (vế trái)", r.Left ?? "", codes, errors);
            CheckExpression($"Quy tắc {r.Code} (vế phải)", r.Right ?? "", codes, errors);
            CheckPlaceholders($"Thông báo của quy tắc {r.Code}", r.Message ?? "", codes, errors, allowSides: true);
        }

        foreach (var s in Flatten(doc.Sections ?? []).Where(s => s.Text is not null))
            CheckPlaceholders($"Nội dung mục “{s.Key}”", s.Text!, codes, errors, allowSides: false);
        foreach (var row in doc.Appendix ?? [])
        {
            if (row.Level is not (0 or 1)) errors.Add($"Dòng phụ lục “{row.Text}”: cấp phải là 0 hoặc 1.");
            CheckPlaceholders("Dòng phụ lục", row.Text ?? "", codes, errors, allowSides: false);
        }
        return errors;
    }

    public static ImportedTemplate Build(TemplateDocument doc, IReadOnlyDictionary<string, int> unitIds, DateTimeOffset now)
    {
        var errors = Validate(doc, unitIds.Keys.ToHashSet(StringComparer.Ordinal));
        if (errors.Count > 0) throw new TemplateImportException(errors);

        var template = ReportTemplate.Create(doc.Code, doc.Version, doc.Name, doc.Title, doc.Opening, doc.Closing, now);
        AddSections(template, null, doc.Sections, unitIds);
        foreach (var row in doc.Appendix) template.AddAppendixRow(row.Level, row.Text);

        var indicators = doc.Indicators.Select((i, index) => (Func<int, Indicator>)(templateId => Indicator.Create(
            templateId, i.Code, i.Name, i.Measure ?? "", ParseKind(i.Kind)!.Value, unitIds[i.Unit], i.Group,
            index + 1, i.Required, i.Formula))).ToList();
        var rules = doc.Rules.Select(r => (Func<int, ValidationRule>)(templateId => ValidationRule.Create(
            templateId, r.Code, r.Left, RuleOperatorText.Parse(r.Op), r.Right, ParseSeverity(r.Severity)!.Value, r.Message))).ToList();
        return new ImportedTemplate(template, indicators, rules);
    }

    public static ValueKind? ParseKind(string? kind) => kind?.ToLowerInvariant() switch
    {
        "count" => ValueKind.Count,
        "percent" => ValueKind.Percent,
        "yesno" => ValueKind.YesNo,
        "text" => ValueKind.Text,
        _ => null,
    };

    public static Severity? ParseSeverity(string? severity) => severity?.ToLowerInvariant() switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        _ => null,
    };

    private static void AddSections(ReportTemplate template, string? parentKey, IReadOnlyList<SectionDocument>? sections, IReadOnlyDictionary<string, int> unitIds)
    {
        foreach (var s in sections ?? [])
        {
            template.AddSection(s.Key, parentKey, s.Title ?? "", s.Text, s.Writer is null ? null : unitIds[s.Writer], s.RunIn);
            AddSections(template, s.Key, s.Children, unitIds);
        }
    }

    private static IEnumerable<SectionDocument> Flatten(IEnumerable<SectionDocument> sections) =>
        sections.SelectMany(s => new[] { s }.Concat(Flatten(s.Children ?? [])));

    private static void CheckExpression(string where, string text, HashSet<string> codes, List<string> errors)
    {
        if (!ExpressionParser.TryParse(text, out var expr, out var error))
        {
            errors.Add($"{where}: {error}");
            return;
        }
        foreach (var code in expr!.CurrentCodes().Concat(expr.PreviousCodes()).Distinct())
        {
            if (!codes.Contains(code)) errors.Add($"{where}: mã chỉ tiêu “{code}” không tồn tại.");
        }
    }

    private static void CheckPlaceholders(string where, string text, HashSet<string> codes, List<string> errors, bool allowSides)
    {
        foreach (Match m in PlaceholderRegex().Matches(text))
        {
            var name = m.Groups[1].Value;
            if (name.StartsWith("period.", StringComparison.Ordinal) || name == "request") continue;
            if (allowSides && name is "left" or "right" or "left.detail" or "right.detail") continue;
            if (!codes.Contains(name)) errors.Add($"{where}: mã “{{{name}}}” không tồn tại.");
        }
    }

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9_.]*)(?::[0-9]+)?\}")]
    private static partial Regex PlaceholderRegex();
}

public sealed class TemplateImportException(IReadOnlyList<string> errors)
    : Exception("Đề cương không hợp lệ: " + string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
