using DanVan.Domain.Common;
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
            // The parser's own text is English; the place is what helps.
            var where = ex.LineNumber is { } line ? $"dòng {line + 1}, ký tự {(ex.BytePositionInLine ?? 0) + 1}" : "không rõ vị trí";
            var field = ex.Path is { Length: > 1 } path ? $", trường “{path.TrimStart('$', '.')}”" : "";
            throw new TemplateImportException([$"Tệp đề cương không phải JSON hợp lệ hoặc sai kiểu dữ liệu ({where}{field})."]);
        }
    }

    public static IReadOnlyList<string> Validate(TemplateDocument doc, IReadOnlySet<string> unitCodes)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(doc.Code)) errors.Add("Thiếu mã đề cương (code).");
        else if (doc.Code.Length > MaxTemplateCodeLength || !ReportTemplate.IsValidKey(doc.Code))
            errors.Add($"Mã đề cương “{doc.Code}” không hợp lệ (tối đa {MaxTemplateCodeLength} ký tự: chữ, số, “.”, “_”, “-”).");
        if (doc.Version < 1) errors.Add("Phiên bản (version) phải từ 1.");
        if (string.IsNullOrWhiteSpace(doc.Name)) errors.Add("Thiếu tên đề cương (name).");
        Max("Tên đề cương (name)", doc.Name, ReportTemplate.MaxNameLength, errors);
        if (string.IsNullOrWhiteSpace(doc.Title)) errors.Add("Thiếu trích yếu (title).");
        Max("Trích yếu (title)", doc.Title, ReportTemplate.MaxTitleLength, errors);
        Max("Đoạn mở đầu (opening)", doc.Opening, ReportTemplate.MaxTextLength, errors);
        Max("Đoạn kết (closing)", doc.Closing, ReportTemplate.MaxTextLength, errors);

        var sectionKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (s, depth) in Flatten(doc.Sections ?? [], 0, errors))
        {
            if (string.IsNullOrWhiteSpace(s.Key)) errors.Add("Có mục không có khóa (key).");
            else if (!ReportTemplate.IsValidKey(s.Key)) errors.Add($"Khóa mục “{s.Key}” không hợp lệ (tối đa 128 ký tự: chữ, số, “.”, “_”, “-”).");
            else if (!sectionKeys.Add(s.Key)) errors.Add($"Khóa mục “{s.Key}” bị trùng.");
            if (depth > ReportTemplate.MaxDepth) errors.Add($"Mục “{s.Key}” ở cấp thứ {depth + 1}: đề cương chỉ có ba cấp (I., 1., a)).");
            if (string.IsNullOrWhiteSpace(s.Title) && !s.RunIn) errors.Add($"Mục “{s.Key}” chưa có tiêu đề (chỉ mục viết liền, runIn, được để trống).");
            Max($"Tiêu đề mục “{s.Key}”", s.Title, OutlineSection.MaxTitleLength, errors);
            if (s.Writer is not null && !unitCodes.Contains(s.Writer)) errors.Add($"Mục “{s.Key}”: đơn vị viết “{s.Writer}” không tồn tại.");
        }

        var indicators = (doc.Indicators ?? []).ToList();
        if (indicators.Any(i => i is null)) errors.Add("Danh sách chỉ tiêu có phần tử rỗng (null).");
        indicators.RemoveAll(i => i is null);
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var retired = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var i in indicators)
        {
            if (string.IsNullOrWhiteSpace(i.Code)) { errors.Add("Có chỉ tiêu không có mã."); continue; }
            if (!Indicator.IsValidCode(i.Code))
                errors.Add($"Mã chỉ tiêu “{i.Code}” không hợp lệ (tối đa {Indicator.MaxCodeLength} ký tự: chữ, số, “_”, các phần nối bằng dấu chấm, bắt đầu bằng chữ).");
            if (!codes.Add(i.Code)) errors.Add($"Mã chỉ tiêu “{i.Code}” bị trùng.");
            if (i.Retired == true) retired.Add(i.Code);
            if (string.IsNullOrWhiteSpace(i.Name)) errors.Add($"Chỉ tiêu {i.Code} chưa có tên.");
            Max($"Tên chỉ tiêu {i.Code}", i.Name, Indicator.MaxNameLength, errors);
            Max($"Đơn vị tính của {i.Code}", i.Measure, Indicator.MaxMeasureLength, errors);
            if (ParseKind(i.Kind) is null) errors.Add($"Chỉ tiêu {i.Code}: loại “{i.Kind}” không hợp lệ (count, percent, yesno, text).");
            if (!unitCodes.Contains(i.Unit ?? "")) errors.Add($"Chỉ tiêu {i.Code}: đơn vị “{i.Unit}” không tồn tại.");
            if (!sectionKeys.Contains(i.Group ?? "")) errors.Add($"Chỉ tiêu {i.Code}: mục “{i.Group}” không có trong đề cương.");
        }
        var formulas = new Dictionary<string, Expr>(StringComparer.OrdinalIgnoreCase);
        foreach (var i in indicators.Where(i => !string.IsNullOrWhiteSpace(i.Code) && !string.IsNullOrWhiteSpace(i.Formula)))
        {
            var expr = CheckExpression($"Công thức của {i.Code}", i.Formula!, codes, i.Retired == true ? new HashSet<string>() : retired, errors);
            if (expr is not null) formulas.TryAdd(i.Code, expr);
        }
        errors.AddRange(Cycles(formulas));

        var ruleCodes = new HashSet<string>(StringComparer.Ordinal);
        var rules = (doc.Rules ?? []).ToList();
        if (rules.Any(r => r is null)) errors.Add("Danh sách quy tắc có phần tử rỗng (null).");
        foreach (var r in rules.Where(r => r is not null))
        {
            if (string.IsNullOrWhiteSpace(r.Code)) { errors.Add("Có quy tắc không có mã."); continue; }
            if (r.Code.Length > ValidationRule.MaxCodeLength) errors.Add($"Mã quy tắc “{r.Code}” dài quá {ValidationRule.MaxCodeLength} ký tự.");
            if (!ruleCodes.Add(r.Code)) errors.Add($"Mã quy tắc “{r.Code}” bị trùng.");
            try { RuleOperatorText.Parse(r.Op ?? ""); }
            catch (FormatException ex) { errors.Add($"Quy tắc {r.Code}: {ex.Message}"); }
            if (ParseSeverity(r.Severity) is null) errors.Add($"Quy tắc {r.Code}: mức độ “{r.Severity}” không hợp lệ (error, warning).");
            CheckExpression($"Quy tắc {r.Code} (vế trái)", r.Left ?? "", codes, retired, errors);
            CheckExpression($"Quy tắc {r.Code} (vế phải)", r.Right ?? "", codes, retired, errors);
            if (string.IsNullOrWhiteSpace(r.Message)) errors.Add($"Quy tắc {r.Code} chưa có thông báo (message).");
            Max($"Thông báo của quy tắc {r.Code}", r.Message, ValidationRule.MaxMessageLength, errors);
            CheckPlaceholders($"Thông báo của quy tắc {r.Code}", r.Message ?? "", codes, retired, errors, allowSides: true);
        }

        CheckPlaceholders("Trích yếu (title)", doc.Title ?? "", codes, retired, errors, allowSides: false);
        CheckPlaceholders("Đoạn mở đầu (opening)", doc.Opening ?? "", codes, retired, errors, allowSides: false);
        CheckPlaceholders("Đoạn kết (closing)", doc.Closing ?? "", codes, retired, errors, allowSides: false);
        foreach (var (s, _) in Flatten(doc.Sections ?? [], 0, null).Where(x => x.Section.Text is not null))
            CheckPlaceholders($"Nội dung mục “{s.Key}”", s.Text!, codes, retired, errors, allowSides: false);
        var appendix = (doc.Appendix ?? []).ToList();
        if (appendix.Any(r => r is null)) errors.Add("Phụ lục có dòng rỗng (null).");
        foreach (var row in appendix.Where(r => r is not null))
        {
            if (row.Level is not (0 or 1)) errors.Add($"Dòng phụ lục “{row.Text}”: cấp phải là 0 hoặc 1.");
            if (string.IsNullOrWhiteSpace(row.Text)) errors.Add("Phụ lục có dòng không có nội dung.");
            Max("Dòng phụ lục", row.Text, AppendixRow.MaxTextLength, errors);
            CheckPlaceholders("Dòng phụ lục", row.Text ?? "", codes, retired, errors, allowSides: false);
        }
        return errors;
    }

    public const int MaxTemplateCodeLength = ReportTemplate.MaxCodeLength;

    /// <summary>Builds the entities of a valid document, as a draft (the seeder publishes its template at once).</summary>
    public static ImportedTemplate Build(TemplateDocument doc, IReadOnlyDictionary<string, int> unitIds, DateTimeOffset now)
    {
        var errors = Validate(doc, unitIds.Keys.ToHashSet(StringComparer.Ordinal));
        if (errors.Count > 0) throw new TemplateImportException(errors);

        var template = ReportTemplate.Create(doc.Code, doc.Version, doc.Name, doc.Title, doc.Opening ?? "", doc.Closing ?? "", now);
        AddSections(template, null, doc.Sections, unitIds);
        foreach (var row in doc.Appendix ?? []) template.AddAppendixRow(row.Level, row.Text);

        var indicators = (doc.Indicators ?? []).Select((i, index) => (Func<int, Indicator>)(templateId =>
        {
            var indicator = Indicator.Create(
                templateId, i.Code, i.Name, i.Measure ?? "", ParseKind(i.Kind)!.Value, unitIds[i.Unit], i.Group,
                index + 1, i.Required, i.Formula);
            if (i.Retired == true) indicator.Retire();
            return indicator;
        })).ToList();
        var rules = (doc.Rules ?? []).Select(r => (Func<int, ValidationRule>)(templateId => ValidationRule.Create(
            templateId, r.Code, r.Left, RuleOperatorText.Parse(r.Op), r.Right, ParseSeverity(r.Severity)!.Value, r.Message))).ToList();
        return new ImportedTemplate(template, indicators, rules);
    }

    public static ValueKind? ParseKind(string? kind) => ApiNames.ParseKind(kind);

    public static Severity? ParseSeverity(string? severity) => ApiNames.ParseSeverity(severity);

    private static void AddSections(ReportTemplate template, string? parentKey, IReadOnlyList<SectionDocument>? sections, IReadOnlyDictionary<string, int> unitIds)
    {
        foreach (var s in sections ?? [])
        {
            template.AddSection(s.Key, parentKey, s.Title ?? "", s.Text, s.Writer is null ? null : unitIds[s.Writer], s.RunIn);
            AddSections(template, s.Key, s.Children, unitIds);
        }
    }

    private static IEnumerable<(SectionDocument Section, int Depth)> Flatten(IEnumerable<SectionDocument> sections, int depth, List<string>? errors)
    {
        foreach (var s in sections)
        {
            if (s is null)
            {
                errors?.Add("Đề cương có mục rỗng (null).");
                continue;
            }
            yield return (s, depth);
            foreach (var child in Flatten(s.Children ?? [], depth + 1, errors)) yield return child;
        }
    }

    private static void Max(string what, string? text, int max, List<string> errors)
    {
        if ((text?.Length ?? 0) > max) errors.Add($"{what} dài quá {max} ký tự.");
    }

    private static Expr? CheckExpression(string where, string text, HashSet<string> codes, HashSet<string> retired, List<string> errors)
    {
        var problems = ExpressionProblems(text, codes, retired, out var expr);
        errors.AddRange(problems.Select(p => $"{where}: {p}"));
        return expr;
    }

    /// <summary>
    /// Why an expression cannot be used in this template (it does not parse, or reads a code that does not exist or is
    /// retired), each with the place in the text; empty when it can.
    /// </summary>
    public static IReadOnlyList<string> ExpressionProblems(string text, IReadOnlySet<string> codes, IReadOnlySet<string> retired, out Expr? expr)
    {
        if (!ExpressionParser.TryParse(text, out expr, out var error)) return [error!];
        var problems = new List<string>();
        foreach (var code in expr!.CurrentCodes().Concat(expr.PreviousCodes()).Distinct())
        {
            var at = CodePosition(text, code) is { } p ? $" (vị trí {p})" : "";
            if (!codes.Contains(code)) problems.Add($"mã chỉ tiêu “{code}”{at} không tồn tại.");
            else if (retired.Contains(code)) problems.Add($"chỉ tiêu “{code}”{at} đã ngừng sử dụng.");
        }
        return problems;
    }

    /// <summary>Where a code first stands as a whole word in an expression (1-based), ignoring case.</summary>
    public static int? CodePosition(string text, string code)
    {
        var m = Regex.Match(text, @"(?<![A-Za-z0-9_.])" + Regex.Escape(code) + @"(?![A-Za-z0-9_])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return m.Success ? m.Index + 1 : null;
    }

    /// <summary>The indicator codes a text cites as {CODE} or {CODE:00} (not {period.*}, {request} or a rule's sides).</summary>
    public static IEnumerable<string> PlaceholderCodes(string text) => PlaceholderSyntax.Codes(text, ruleMessage: true);

    /// <summary>Placeholders of a text that name no indicator of the template, or a retired one.</summary>
    public static IReadOnlyList<string> PlaceholderProblems(string text, IReadOnlySet<string> codes, IReadOnlySet<string> retired, bool allowSides)
    {
        var problems = new List<string>();
        foreach (var m in PlaceholderSyntax.Matches(text))
        {
            var name = m.Name;
            if (PlaceholderSyntax.IsReserved(name, ruleMessage: allowSides)) continue;
            if (!codes.Contains(name)) problems.Add($"mã “{{{name}}}” (vị trí {m.Index + 1}) không tồn tại.");
            else if (retired.Contains(name)) problems.Add($"chỉ tiêu “{{{name}}}” (vị trí {m.Index + 1}) đã ngừng sử dụng.");
        }
        return problems;
    }

    /// <summary>Computed indicators that depend on themselves, one message per cycle.</summary>
    public static IReadOnlyList<string> Cycles(IReadOnlyDictionary<string, Expr> formulas)
    {
        var state = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase); // 1 visiting, 2 done
        var path = new List<string>();
        var found = new List<string>();
        foreach (var code in formulas.Keys.Order(StringComparer.Ordinal)) Visit(code);
        return found;

        void Visit(string code)
        {
            if (state.GetValueOrDefault(code) == 2 || !formulas.TryGetValue(code, out var formula)) return;
            if (state.GetValueOrDefault(code) == 1)
            {
                var cycle = path.Skip(path.FindIndex(c => c.Equals(code, StringComparison.OrdinalIgnoreCase))).Append(code.ToUpperInvariant());
                found.Add($"Công thức tạo vòng lặp (chỉ tiêu tính từ chính nó): {string.Join(" → ", cycle)}.");
                return;
            }
            state[code] = 1;
            path.Add(code.ToUpperInvariant());
            foreach (var next in formula.CurrentCodes().Distinct(StringComparer.OrdinalIgnoreCase)) Visit(next);
            path.RemoveAt(path.Count - 1);
            state[code] = 2;
        }
    }

    private static void CheckPlaceholders(string where, string text, HashSet<string> codes, HashSet<string> retired, List<string> errors, bool allowSides) =>
        errors.AddRange(PlaceholderProblems(text, codes, retired, allowSides).Select(p => $"{where}: {p}"));
}

public sealed class TemplateImportException(IReadOnlyList<string> errors)
    : Exception("Đề cương không hợp lệ: " + string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
