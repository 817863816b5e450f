using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using DanVan.Domain.Reports.Document;
using DanVan.Web.Rendering.Pdf.Layout;

namespace DanVan.Web.Rendering.Html;

/// <summary>
/// A standalone, printable HTML page of the report (inline CSS, no script). Every figure is a link
/// <c>&lt;a class="figure" href="…" data-code="CODE"&gt;</c> to wherever <c>figureLink</c> points (the value's history);
/// all text is HTML-encoded, nothing a person typed is ever written raw.
/// </summary>
public sealed class HtmlReportRenderer
{
    private const string Css = """
        @page { size: A4; margin: 20mm 15mm 20mm 30mm; }
        body { margin: 0; background: #f2f2f2; color: #000; font-family: "Times New Roman", "Liberation Serif", serif; font-size: 14pt; }
        .page { background: #fff; width: 210mm; box-sizing: border-box; margin: 12px auto; padding: 20mm 15mm 20mm 30mm; }
        p { margin: 0 0 6pt; line-height: 1.2; text-align: justify; text-indent: 1.27cm; }
        .header { width: 100%; border-collapse: collapse; }
        .header td { vertical-align: top; text-align: center; padding: 0; }
        .header .parent, .header .number { font-size: 13pt; }
        .header .agency { font-size: 13pt; font-weight: bold; }
        .header .nation { font-size: 12pt; font-weight: bold; }
        .header .motto { font-size: 13pt; font-weight: bold; }
        .header .date { font-size: 14pt; font-style: italic; }
        .rule { display: block; margin: 4pt auto 0; border-top: 0.6pt solid #000; height: 0; }
        .motto-text { border-bottom: 0.6pt solid #000; }
        .title { text-align: center; font-weight: bold; text-indent: 0; margin: 18pt 0 0; }
        .summary { text-align: center; font-weight: bold; text-indent: 0; margin: 0 auto; width: 86%; }
        .heading { font-weight: bold; }
        .heading.level-2 { font-weight: normal; }
        .closing { display: flex; justify-content: space-between; margin-top: 6pt; page-break-inside: avoid; }
        .recipients { width: 47%; font-size: 11pt; }
        .recipients .label { font-size: 12pt; font-weight: bold; font-style: italic; }
        .recipients div { padding-left: 0.8em; text-indent: -0.8em; }
        .signature { width: 55%; text-align: center; font-weight: bold; }
        .signature .space { height: 38mm; } /* PageGeometry.SignatureRoomMm: signature and seal images */
        .appendix { page-break-before: always; }
        .appendix-title { text-align: center; font-weight: bold; text-indent: 0; margin: 0; }
        .appendix-subtitle { text-align: center; font-style: italic; text-indent: 0; margin: 0 0 12pt; }
        table.data { width: 100%; border-collapse: collapse; font-size: 10.5pt; }
        table.data th, table.data td { border: 0.5pt solid #000; padding: 3pt; vertical-align: top; }
        table.data thead { display: table-header-group; }
        table.data tr { page-break-inside: avoid; }
        a.figure { color: inherit; text-decoration: none; border-bottom: 1px dotted #1f5fbf; }
        .figure.missing { background: #fff3cd; }
        .figure.unaccepted { background: #f8d7da; outline: 1px dashed #b02a37; }
        .draft-mark { position: fixed; top: 8mm; right: 8mm; border: 2pt solid #b02a37; color: #b02a37; font-weight: bold; font-size: 16pt; padding: 2pt 8pt; letter-spacing: 1pt; }
        @media screen and (max-width: 230mm) { .page { width: auto; max-width: 210mm; margin: 0; padding: 10mm 8mm 10mm 12mm; } }
        @media print { body { background: #fff; } .page { margin: 0; padding: 0; width: auto; } a.figure { border: 0; } .figure.missing { background: none; } }
        """;

    /// <summary>The mark every export of a report not yet approved carries.</summary>
    public const string DraftMark = "DỰ THẢO";

    /// <summary>The tooltip of a figure that comes from a sheet not accepted yet.</summary>
    public const string UnacceptedNote = "Số liệu từ phiếu chưa được tiếp nhận";

    /// <param name="draft">Not yet approved: a visible “DỰ THẢO” mark.</param>
    /// <param name="unaccepted">Codes whose figures come from a sheet not accepted yet: marked in the page.</param>
    public string Render(ReportDocument document, Func<string, string?> figureLink, bool draft = false, Func<string, bool>? unaccepted = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(figureLink);
        var marks = new FigureMarks(figureLink, unaccepted ?? (_ => false));
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(E(document.Title)).Append("</title>\n<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n<main class=\"page\">\n");
        if (draft) html.Append("<div class=\"draft-mark\" data-testid=\"draft-mark\">").Append(E(DraftMark)).Append("</div>\n");

        var blocks = document.Blocks;
        for (var i = 0; i < blocks.Count; i++)
        {
            switch (blocks[i])
            {
                case HeaderBlock h:
                    html.Append("<table class=\"header\"><tr><td>")
                        .Append("<div class=\"parent\">").Append(E(h.ParentAgency)).Append("</div>")
                        .Append("<div class=\"agency\">").Append(E(h.Agency)).Append("</div><span class=\"rule\" style=\"width:3em\"></span>")
                        .Append("</td><td>")
                        .Append("<div class=\"nation\">").Append(E(HeaderBlock.NationalTitle)).Append("</div>")
                        .Append("<div class=\"motto\"><span class=\"motto-text\">").Append(E(HeaderBlock.Motto)).Append("</span></div>")
                        .Append("</td></tr><tr><td class=\"number\" style=\"padding-top:6pt\">").Append(E(h.NumberLine))
                        .Append("</td><td class=\"date\" style=\"padding-top:6pt\">").Append(E(h.PlaceAndDate)).Append("</td></tr></table>\n");
                    break;
                case TitleBlock t:
                    html.Append("<p class=\"title\">").Append(E(t.DocumentType)).Append("</p>\n<p class=\"summary\">").Append(E(t.Summary))
                        .Append("</p>\n<span class=\"rule\" style=\"width:33%;margin-bottom:14pt\"></span>\n");
                    break;
                case HeadingBlock h:
                    html.Append("<p class=\"heading level-").Append(h.Level).Append("\" data-section=\"").Append(E(h.SectionKey)).Append("\">")
                        .Append(E(h.Label)).Append(' ');
                    AppendRuns(html, h.Runs, marks);
                    html.Append("</p>\n");
                    break;
                case ParagraphBlock p:
                    html.Append("<p");
                    if (p.SectionKey is not null) html.Append(" data-section=\"").Append(E(p.SectionKey)).Append('"');
                    if (p.Alignment != ParagraphAlignment.Justify) html.Append(" style=\"text-align:").Append(p.Alignment.ToString().ToLowerInvariant()).Append('"');
                    html.Append('>');
                    if (p.Label is not null) html.Append(Styled(p.Label, p.LabelStyle)).Append(' ');
                    AppendRuns(html, p.Runs, marks);
                    html.Append("</p>\n");
                    break;
                case SignatureBlock s:
                    var recipients = i + 1 < blocks.Count ? blocks[i + 1] as RecipientsBlock : null;
                    if (recipients is not null) i++;
                    AppendClosing(html, s, recipients);
                    break;
                case RecipientsBlock r:
                    AppendClosing(html, null, r);
                    break;
                case AppendixBlock a:
                    html.Append("<section class=\"appendix\">\n<p class=\"appendix-title\">").Append(E(a.Title)).Append("</p>\n<p class=\"appendix-subtitle\">")
                        .Append(E(a.Subtitle)).Append("</p>\n");
                    foreach (var line in a.Lines)
                    {
                        html.Append("<p class=\"appendix-line level-").Append(line.Level).Append("\">").Append(E(line.Label)).Append(' ');
                        AppendRuns(html, line.Runs, marks);
                        html.Append("</p>\n");
                    }
                    html.Append("</section>\n");
                    break;
                case TableBlock t:
                    html.Append(t.StartsOnNewPage ? "<section class=\"appendix\">\n" : "<section>\n");
                    if (t.Title is not null) html.Append("<p class=\"appendix-title\">").Append(E(t.Title)).Append("</p>\n");
                    if (t.Subtitle is not null) html.Append("<p class=\"appendix-subtitle\">").Append(E(t.Subtitle)).Append("</p>\n");
                    html.Append("<table class=\"data\"><thead><tr>");
                    foreach (var c in t.Header) html.Append("<th>").Append(E(c.Text)).Append("</th>");
                    html.Append("</tr></thead><tbody>\n");
                    foreach (var row in t.Rows)
                    {
                        html.Append("<tr>");
                        foreach (var c in row)
                        {
                            html.Append("<td style=\"text-align:").Append(c.Alignment == ParagraphAlignment.Justify ? "left" : c.Alignment.ToString().ToLowerInvariant()).Append("\">");
                            AppendRuns(html, c.Runs, marks);
                            html.Append("</td>");
                        }
                        html.Append("</tr>\n");
                    }
                    html.Append("</tbody></table>\n</section>\n");
                    break;
            }
        }
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Encodes only what HTML needs (&lt; &gt; &amp; quotes …); Vietnamese letters stay readable.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string? text) => Encoder.Encode(FontCache.Normalize(text ?? ""));

    private static string Styled(string text, RunStyle style)
    {
        var encoded = E(text);
        if (style.HasFlag(RunStyle.Italic)) encoded = "<em>" + encoded + "</em>";
        if (style.HasFlag(RunStyle.Bold)) encoded = "<strong>" + encoded + "</strong>";
        return encoded;
    }

    private sealed record FigureMarks(Func<string, string?> Link, Func<string, bool> Unaccepted);

    private static void AppendRuns(StringBuilder html, IEnumerable<Run> runs, FigureMarks marks)
    {
        foreach (var run in runs)
        {
            if (run is not FigureRun figure)
            {
                html.Append(Styled(run.Text, run.Style));
                continue;
            }
            var unaccepted = marks.Unaccepted(figure.Code);
            var css = (figure.IsMissing ? "figure missing" : "figure") + (unaccepted ? " unaccepted" : "");
            var title = unaccepted ? " title=\"" + E(UnacceptedNote) + "\"" : "";
            var link = marks.Link(figure.Code);
            if (string.IsNullOrWhiteSpace(link))
                html.Append("<span class=\"").Append(css).Append('"').Append(title).Append(" data-code=\"").Append(E(figure.Code)).Append("\">");
            else
                html.Append("<a class=\"").Append(css).Append('"').Append(title).Append(" href=\"").Append(E(SafeLink(link))).Append("\" data-code=\"").Append(E(figure.Code)).Append("\">");
            html.Append(Styled(figure.Text, figure.Style));
            html.Append(string.IsNullOrWhiteSpace(link) ? "</span>" : "</a>");
        }
    }

    /// <summary>Only relative links and http(s) links are written; anything else (javascript:, data:) becomes "#".</summary>
    private static string SafeLink(string link)
    {
        var trimmed = link.Trim();
        if (trimmed.StartsWith('/') || trimmed.StartsWith('#') || trimmed.StartsWith('?')) return trimmed;
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? trimmed
            : Uri.TryCreate(trimmed, UriKind.Relative, out _) && !trimmed.Contains(':', StringComparison.Ordinal) ? trimmed : "#";
    }

    private static void AppendClosing(StringBuilder html, SignatureBlock? s, RecipientsBlock? r)
    {
        html.Append("<div class=\"closing\">\n<div class=\"recipients\">");
        if (r is not null)
        {
            html.Append("<div class=\"label\">").Append(E(RecipientsBlock.Label)).Append("</div>");
            foreach (var line in r.Lines) html.Append("<div>").Append(E(line)).Append("</div>");
        }
        html.Append("</div>\n<div class=\"signature\">");
        if (s is not null)
        {
            foreach (var t in s.TitleLines) html.Append("<div>").Append(E(t)).Append("</div>");
            html.Append("<div class=\"space\"></div><div>").Append(E(s.Name)).Append("</div>");
        }
        html.Append("</div>\n</div>\n");
    }
}
