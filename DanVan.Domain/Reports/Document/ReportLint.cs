using System.Globalization;
using System.Text.RegularExpressions;
using DanVan.Domain.Formatting;

namespace DanVan.Domain.Reports.Document;

public enum LintSeverity
{
    /// <summary>Cần xem lại: the report can be issued, but someone should look.</summary>
    Warning = 0,
    /// <summary>Lỗi: must be fixed before the report is issued.</summary>
    Error = 1,
}

/// <summary>One finding of <see cref="ReportLint"/>: a Vietnamese message and, when it comes from a section, its key.</summary>
public sealed record LintWarning(LintSeverity Severity, string Message, string? SectionKey = null);

/// <summary>
/// Checks a report before it goes out: dates in the text that do not exist ("31/4/2019"), documents cited with a
/// date after the report's date, the report's date itself, required metadata, and figures or sections left blank.
/// </summary>
public static partial class ReportLint
{
    /// <summary>Days before the end of the data cut-off from which a report date is plausible.</summary>
    public const int WindowDaysBeforeCutoffEnd = 30;

    /// <summary>
    /// The send window of a period: from <c>CutoffTo − 30 days</c> to <c>SendDeadline</c>, both inclusive
    /// (2021-H1: 15/5/2021 to 20/6/2021). A report dated outside it is flagged as a warning.
    /// </summary>
    public static (DateOnly From, DateOnly To) SendWindow(Periods.ReportingPeriod period) =>
        (period.CutoffTo.AddDays(-WindowDaysBeforeCutoffEnd), period.SendDeadline);

    public static IReadOnlyList<LintWarning> Check(DocumentInputs inputs) => Check(inputs, DocumentBuilder.Build(inputs));

    public static IReadOnlyList<LintWarning> Check(DocumentInputs inputs, ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(document);
        var result = new List<LintWarning>();
        var m = inputs.Metadata;

        CheckMetadata(m, result);
        CheckReportDate(inputs, result);

        var labels = SectionLabels(inputs.Template);
        foreach (var (text, where, key) in Texts(inputs, labels))
        {
            CheckDates(InlineMarkup.Plain(text), where, key, m.Date, result);
        }
        CheckRequest(m, result);

        foreach (var code in document.UnknownCodes)
            result.Add(new(LintSeverity.Error, $"Mã “{code}” trong nội dung không có trong danh sách chỉ tiêu của đề cương."));
        var names = document.Figures.ToDictionary(f => f.Code, f => f.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var code in document.MissingCodes)
        {
            var name = names.TryGetValue(code, out var n) ? $" ({n})" : "";
            result.Add(new(LintSeverity.Warning, $"Chưa có số liệu {code}{name}: báo cáo in “{VietnameseFormat.Missing}”."));
        }
        CheckEmptySections(inputs, labels, result);
        return result;
    }

    private static void CheckMetadata(ReportMetadata m, List<LintWarning> result)
    {
        void Require(string? value, string what)
        {
            if (string.IsNullOrWhiteSpace(value)) result.Add(new(LintSeverity.Error, $"Chưa nhập {what}."));
        }
        Require(m.Number, "số, ký hiệu văn bản");
        Require(m.Place, "địa danh");
        Require(m.ParentAgency, "tên cơ quan chủ quản");
        Require(m.Agency, "tên cơ quan ban hành");
        Require(m.SignerTitle, "chức vụ người ký");
        Require(m.SignerName, "họ tên người ký");
        if (m.Date is null) result.Add(new(LintSeverity.Error, "Chưa nhập ngày ban hành báo cáo."));
        if (!m.Recipients.Any(r => !string.IsNullOrWhiteSpace(r) && !DocumentBuilder.IsArchive(r)))
            result.Add(new(LintSeverity.Error, "Chưa có nơi nhận (ngoài “Lưu”)."));
        if (m.SignerAuthority is SignerAuthority.OnBehalf or SignerAuthority.ByOrder or SignerAuthority.OnBehalfOfCollective
            && string.IsNullOrWhiteSpace(m.DeputyTitle))
            result.Add(new(LintSeverity.Error, $"Ký “{m.SignerAuthority.Prefix()}” cần chức vụ của người ký thay (dòng thứ hai)."));
    }

    private static void CheckReportDate(DocumentInputs inputs, List<LintWarning> result)
    {
        if (inputs.Metadata.Date is not { } date) return;
        var (from, to) = SendWindow(inputs.Period);
        if (date < from || date > to)
            result.Add(new(LintSeverity.Warning,
                $"Ngày báo cáo {VietnameseFormat.ShortDate(date)} nằm ngoài khoảng gửi báo cáo của kỳ {inputs.Period.Name} " +
                $"(từ {VietnameseFormat.ShortDate(from)} đến {VietnameseFormat.ShortDate(to)})."));
    }

    private static void CheckRequest(ReportMetadata m, List<LintWarning> result)
    {
        if (string.IsNullOrWhiteSpace(m.RequestReference))
        {
            result.Add(new(LintSeverity.Warning, "Chưa nhập văn bản đề nghị báo cáo (trích dẫn ở đoạn mở đầu)."));
            return;
        }
        CheckDates(m.RequestReference, "Văn bản đề nghị báo cáo", null, m.Date, result);
    }

    /// <summary>Every text the report prints that a person typed, with where it is.</summary>
    private static IEnumerable<(string Text, string Where, string? Key)> Texts(DocumentInputs inputs, IReadOnlyDictionary<string, string> labels)
    {
        var t = inputs.Template;
        yield return (t.TitleTemplate, "Trích yếu", null);
        yield return (t.OpeningTemplate, "Đoạn mở đầu", null);
        yield return (t.ClosingTemplate, "Đoạn kết", null);
        foreach (var (section, _, _) in t.Outline())
        {
            var where = $"Mục {labels[section.Key]}";
            yield return (section.Title, where + " (tiêu đề)", section.Key);
            if (inputs.SectionText(section) is { } text) yield return (text, where, section.Key);
        }
        foreach (var row in t.AppendixRows) yield return (row.Text, "Phụ lục số liệu", null);
    }

    private static void CheckDates(string text, string where, string? key, DateOnly? reportDate, List<LintWarning> result)
    {
        foreach (var (raw, day, month, year) in Dates(text))
        {
            if (!IsValid(day, month, year)) result.Add(new(LintSeverity.Error, $"{where}: ngày “{raw}” không có thật.", key));
        }
        if (reportDate is not { } date) return;
        foreach (Match c in Citation().Matches(text))
        {
            int day = Int(c.Groups["d"]), month = Int(c.Groups["m"]), year = Int(c.Groups["y"]);
            if (!IsValid(day, month, year)) continue; // already reported as a date that does not exist
            var cited = new DateOnly(year, month, day);
            if (cited > date)
                result.Add(new(LintSeverity.Error,
                    $"{where}: văn bản số {c.Groups["number"].Value} ngày {VietnameseFormat.ShortDate(cited)} có ngày sau ngày báo cáo " +
                    $"({VietnameseFormat.ShortDate(date)}).", key));
        }
    }

    /// <summary>Dates written as d/m/yyyy, dd/mm/yyyy or "ngày d tháng m năm yyyy".</summary>
    private static IEnumerable<(string Raw, int Day, int Month, int Year)> Dates(string text) =>
        SlashDate().Matches(text).Concat(WordDate().Matches(text))
            .Select(m => (m.Value, Int(m.Groups["d"]), Int(m.Groups["m"]), Int(m.Groups["y"])));

    private static int Int(Group g) => int.Parse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    private static bool IsValid(int day, int month, int year) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static void CheckEmptySections(DocumentInputs inputs, IReadOnlyDictionary<string, string> labels, List<LintWarning> result)
    {
        var parents = inputs.Template.Sections.Where(s => s.ParentKey is not null).Select(s => s.ParentKey!).ToHashSet(StringComparer.Ordinal);
        foreach (var (section, _, _) in inputs.Template.Outline())
        {
            if (parents.Contains(section.Key) || inputs.SectionText(section) is not null) continue;
            var title = section.Title.Length == 0 ? "" : $" ({section.Title})";
            result.Add(new(LintSeverity.Warning, $"Mục {labels[section.Key]}{title} chưa có nội dung.", section.Key));
        }
    }

    /// <summary>The label every section is cited by: "II.3.a)".</summary>
    public static IReadOnlyDictionary<string, string> SectionLabels(ReportTemplate template) =>
        template.Outline().ToDictionary(o => o.Section.Key, o => o.CitedLabel, StringComparer.Ordinal);

    [GeneratedRegex(@"(?<![\d/])(?<d>\d{1,2})/(?<m>\d{1,2})/(?<y>\d{4})(?![\d/])")]
    private static partial Regex SlashDate();

    [GeneratedRegex(@"ngày\s+(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})\s+năm\s+(?<y>\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex WordDate();

    /// <summary>"số 1315/SNV-XDCQ ngày 10/6/2021", "số 31/QĐ-VP ngày 31 tháng 4 năm 2019".</summary>
    [GeneratedRegex(@"\bsố\s+(?<number>\d[\w./-]*)\s*,?\s+ngày\s+(?:(?<d>\d{1,2})/(?<m>\d{1,2})/(?<y>\d{4})|(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})\s+năm\s+(?<y>\d{4}))", RegexOptions.IgnoreCase)]
    private static partial Regex Citation();
}
