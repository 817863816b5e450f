using System.Globalization;
using System.Text;
using DanVan.Domain.Reports.Document;
using DanVan.Web.Rendering.Docx;
using DanVan.Web.Rendering.Html;
using DanVan.Web.Rendering.Pdf;
using DanVan.Web.Rendering.Xlsx;

namespace DanVan.Web.Rendering;

/// <summary>
/// The report's exports, each walking the same <see cref="ReportDocument"/>. Stateless and thread-safe: register it
/// as a singleton.
/// </summary>
public sealed class ReportRenderer
{
    public const string PdfContentType = "application/pdf";
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string HtmlContentType = "text/html; charset=utf-8";

    private readonly PdfReportRenderer _pdf = new();
    private readonly DocxReportRenderer _docx = new();
    private readonly XlsxReportRenderer _xlsx = new();
    private readonly HtmlReportRenderer _html = new();

    /// <summary>The final look: the approved file, the one handed to the signing tool.</summary>
    public byte[] Pdf(ReportDocument document) => _pdf.Render(document);

    /// <param name="draft">Not yet approved: every page carries “DỰ THẢO”.</param>
    public byte[] Pdf(ReportDocument document, bool draft) => _pdf.Render(document, draft ? HtmlReportRenderer.DraftMark : null);

    public byte[] Docx(ReportDocument document, bool draft = false) => _docx.Render(document, draft ? HtmlReportRenderer.DraftMark : null);

    /// <summary>The Phụ lục số liệu as a workbook: the appendix's lines, then every indicator by code.</summary>
    public byte[] Xlsx(ReportDocument document) => _xlsx.Render(document);

    /// <summary>A standalone printable page; each figure links to <paramref name="figureLink"/>(code) (null: no link).</summary>
    public string Html(ReportDocument document, Func<string, string?> figureLink, bool draft = false, Func<string, bool>? unaccepted = null) =>
        _html.Render(document, figureLink, draft, unaccepted);

    /// <summary>"BC-876-VP-2021-H1.pdf" from "876/BC-VP", the period code and an extension.</summary>
    public static string FileName(ReportDocument document, string extension) =>
        ReportFileName.For(document.Number, document.PeriodCode, extension);
}

/// <summary>Safe download names: ASCII letters, digits and dashes only.</summary>
public static class ReportFileName
{
    /// <summary>
    /// "876/BC-VP" + "2021-H1" + "pdf" → "BC-876-VP-2021-H1.pdf" (the document type first, as offices file them);
    /// without a number: "BaoCao-2021-H1.pdf".
    /// </summary>
    public static string For(string? number, string periodCode, string extension)
    {
        var ext = Clean(extension.TrimStart('.')).ToLowerInvariant();
        var period = Clean(periodCode);
        var stem = "BaoCao";
        var n = number?.Trim() ?? "";
        if (n.Length > 0 && n != Domain.Formatting.VietnameseFormat.Missing)
        {
            var slash = n.IndexOf('/');
            if (slash > 0)
            {
                var serial = Clean(n[..slash]);
                var symbol = n[(slash + 1)..].Split('-', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var parts = new List<string>();
                if (symbol.Length > 0) parts.Add(Clean(symbol[0]));
                parts.Add(serial);
                parts.AddRange(symbol.Skip(1).Select(Clean));
                stem = string.Join('-', parts.Where(p => p.Length > 0));
            }
            else
            {
                stem = Clean(n);
            }
            if (stem.Length == 0) stem = "BaoCao";
        }
        var name = period.Length > 0 ? stem + "-" + period : stem;
        if (name.Length > 100) name = name[..100].TrimEnd('-');
        return ext.Length > 0 ? name + "." + ext : name;
    }

    private static string Clean(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var ch = c switch { 'đ' => 'd', 'Đ' => 'D', _ => c };
            if (char.IsAsciiLetterOrDigit(ch)) sb.Append(ch);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        return sb.ToString().Trim('-');
    }
}
