using DanVan.Domain.Reports.Document;
using DanVan.Web.Rendering.Pdf.Layout;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DanVan.Web.Rendering.Pdf;

/// <summary>
/// Renders a <see cref="ReportDocument"/> to PDF per Nghị định 30/2020/NĐ-CP: A4, margins 20/20/30/15 mm, Liberation
/// Serif (Times New Roman metrics) embedded as subsets, body 14 pt justified with a 1,27 cm first-line indent,
/// page numbers from page 2, the two-column header, signature bottom right, Nơi nhận bottom left, appendix on a new page.
/// </summary>
public sealed class PdfReportRenderer
{
    public const double BodySize = 14;

    /// <param name="draftMark">The mark of a report not yet approved ("DỰ THẢO"); null for the approved file.</param>
    public byte[] Render(ReportDocument document, string? draftMark = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var fonts = new FontCache();
        using var pdf = new PdfDocument();
        pdf.Info.Title = FontCache.Normalize(document.Title);
        pdf.Info.Author = FontCache.Normalize(document.Author);
        pdf.Info.Subject = FontCache.Normalize("Báo cáo số " + document.Number);
        pdf.Info.Creator = "DanVan";
        pdf.Options.CompressContentStreams = false; // ContentStreams.Compress does it, with a terminated zlib stream

        var text = new PageText();
        using (var page = new PageComposer(pdf, fonts, text, draftMark))
        {
            var blocks = document.Blocks;
            // Paragraphs laid while keeping a heading with them, drawn from here rather than laid twice.
            var laidAhead = new Dictionary<Block, LaidParagraph>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < blocks.Count; i++)
            {
                switch (blocks[i])
                {
                    case HeaderBlock header:
                        DrawHeader(page, header);
                        break;
                    case TitleBlock title:
                        DrawTitle(page, title);
                        break;
                    case HeadingBlock heading:
                        DrawHeading(page, heading, blocks, i, laidAhead);
                        break;
                    case ParagraphBlock paragraph:
                        page.Flow(laidAhead.Remove(paragraph, out var laid) ? laid : LayParagraph(page, paragraph), PageGeometry.ParagraphSpacing);
                        break;
                    case SignatureBlock signature:
                        var recipients = i + 1 < blocks.Count ? blocks[i + 1] as RecipientsBlock : null;
                        if (recipients is not null) i++;
                        DrawSignature(page, signature, recipients);
                        break;
                    case RecipientsBlock recipientsOnly:
                        DrawSignature(page, null, recipientsOnly);
                        break;
                    case AppendixBlock appendix:
                        DrawAppendix(page, appendix);
                        break;
                    case TableBlock table:
                        DrawTable(page, table);
                        break;
                }
            }
        }

        text.WriteTo(pdf, fonts);
        ContentStreams.Compress(pdf);
        using var stream = new MemoryStream(256 * 1024);
        pdf.Save(stream, false);
        return stream.ToArray();
    }

    private static IEnumerable<(string, TextStyle)> Pieces(string? label, TextStyle labelStyle, IEnumerable<Run> runs, TextStyle baseStyle)
    {
        if (!string.IsNullOrEmpty(label)) yield return (label + " ", labelStyle);
        foreach (var run in runs) yield return (run.Text, baseStyle.With(run.Style));
    }

    private static LaidParagraph LayParagraph(PageComposer page, ParagraphBlock p)
    {
        var body = new TextStyle(BodySize);
        return page.Lay(Pieces(p.Label, body.With(p.LabelStyle), p.Runs, body), BodySize, PageComposer.Width,
            p.FirstLineIndent ? PageGeometry.FirstLineIndent : 0, 0, p.Alignment);
    }

    private static LaidParagraph LayHeading(PageComposer page, HeadingBlock h)
    {
        var style = new TextStyle(BodySize).With(h.Style);
        return page.Lay(Pieces(h.Label, style, h.Runs, style), BodySize, PageComposer.Width, PageGeometry.FirstLineIndent, 0,
            ParagraphAlignment.Justify);
    }

    /// <summary>A heading is kept with what follows it: the next headings and two lines of the first paragraph.</summary>
    private static void DrawHeading(PageComposer page, HeadingBlock heading, IReadOnlyList<Block> blocks, int index,
        Dictionary<Block, LaidParagraph> laidAhead)
    {
        var laid = LayHeading(page, heading);
        var needed = laid.Height + PageGeometry.ParagraphSpacing;
        for (var j = index + 1; j < blocks.Count; j++)
        {
            if (blocks[j] is HeadingBlock next)
            {
                needed += LayHeading(page, next).Height + PageGeometry.ParagraphSpacing;
                continue;
            }
            if (blocks[j] is ParagraphBlock p)
            {
                var ahead = LayParagraph(page, p);
                laidAhead[p] = ahead;
                needed += ahead.HeightOf(2);
            }
            break;
        }
        page.EnsureSpace(needed);
        page.Flow(laid, PageGeometry.ParagraphSpacing);
    }

    private static double Centered(PageComposer page, string text, TextStyle style, double left, double width, double y)
    {
        var laid = page.Lay([(text, style)], style.Size, width, 0, 0, ParagraphAlignment.Center);
        page.Y = y;
        page.DrawLines(laid, 0, laid.Lines.Count, left);
        return page.Y;
    }

    private static double LastLineWidth(PageComposer page, string text, TextStyle style, double width)
    {
        var laid = page.Lay([(text, style)], style.Size, width, 0, 0, ParagraphAlignment.Center);
        return laid.Lines.Count == 0 ? 0 : laid.Lines.Max(l => l.NaturalWidth);
    }

    private static void DrawHeader(PageComposer page, HeaderBlock h)
    {
        var fonts = page.Fonts;
        var leftWidth = HeaderGeometry.LeftWidth(h, fonts);
        var left = PageComposer.Left;
        var rightLeft = left + leftWidth;
        var rightWidth = PageComposer.Width - leftWidth;
        var top = page.Y;

        var y = Centered(page, h.ParentAgency, HeaderGeometry.Parent, left, leftWidth, top);
        y = Centered(page, h.Agency, HeaderGeometry.Agency, left, leftWidth, y);
        var rule = HeaderGeometry.AgencyRule(LastLineWidth(page, h.Agency, HeaderGeometry.Agency, leftWidth));
        var leftBottom = y + HeaderGeometry.RuleGap;
        page.HorizontalLine(left + leftWidth / 2 - rule / 2, left + leftWidth / 2 + rule / 2, leftBottom);

        y = Centered(page, HeaderBlock.NationalTitle, HeaderGeometry.National, rightLeft, rightWidth, top);
        y = Centered(page, HeaderBlock.Motto, HeaderGeometry.Motto, rightLeft, rightWidth, y);
        var mottoWidth = fonts.Width(HeaderBlock.Motto, HeaderGeometry.Motto);
        var rightBottom = y + HeaderGeometry.RuleGap;
        page.HorizontalLine(rightLeft + rightWidth / 2 - mottoWidth / 2, rightLeft + rightWidth / 2 + mottoWidth / 2, rightBottom);

        // "Số" and the place and date share one line (one baseline).
        var dateStyle = HeaderGeometry.Date;
        var row = Math.Max(leftBottom, rightBottom) + HeaderGeometry.NumberRowGap;
        var baseline = row + dateStyle.Size * PageGeometry.BaselineOffset;
        var number = FontCache.Normalize(h.NumberLine);
        page.Text.Show(HeaderGeometry.Number, left + leftWidth / 2 - fonts.Width(number, HeaderGeometry.Number) / 2, baseline, number);
        var date = FontCache.Normalize(h.PlaceAndDate);
        page.Text.Show(dateStyle, rightLeft + rightWidth / 2 - fonts.Width(date, dateStyle) / 2, baseline, date);
        page.Y = row + dateStyle.Size * PageGeometry.LineSpacing + HeaderGeometry.SpaceAfter;
    }

    private static void DrawTitle(PageComposer page, TitleBlock t)
    {
        var style = new TextStyle(BodySize, Bold: true);
        var y = Centered(page, t.DocumentType, style, PageComposer.Left, PageComposer.Width, page.Y);
        var width = PageComposer.Width * PageGeometry.SummaryWidth;
        y = Centered(page, t.Summary, style, PageComposer.Left + (PageComposer.Width - width) / 2, width, y);
        var rule = PageComposer.Width / 3;
        var mid = PageComposer.Left + PageComposer.Width / 2;
        page.HorizontalLine(mid - rule / 2, mid + rule / 2, y + PageGeometry.TitleRuleGap);
        page.Y = y + PageGeometry.TitleRuleGap + PageGeometry.TitleSpaceAfter;
    }

    /// <summary>Nơi nhận bottom left and the signature block bottom right, side by side, kept on one page.</summary>
    private static void DrawSignature(PageComposer page, SignatureBlock? signature, RecipientsBlock? recipients)
    {
        var leftWidth = PageComposer.Width * 0.47;
        var rightLeft = PageComposer.Left + PageComposer.Width * 0.45;
        var rightWidth = PageComposer.Width * 0.55;

        var labelStyle = new TextStyle(12, Bold: true, Italic: true);
        var lineStyle = new TextStyle(11);
        var recipientLines = recipients?.Lines.Select(line =>
                page.Lay([(line, lineStyle)], lineStyle.Size, leftWidth, 0, page.Fonts.Width("- ", lineStyle), ParagraphAlignment.Left))
            .ToList() ?? [];
        var label = page.Lay([(RecipientsBlock.Label, labelStyle)], labelStyle.Size, leftWidth, 0, 0, ParagraphAlignment.Left);
        var leftHeight = recipients is null ? 0 : label.Height + recipientLines.Sum(l => l.Height);

        var titleStyle = new TextStyle(BodySize, Bold: true);
        var titles = signature?.TitleLines.Select(t =>
            page.Lay([(t, titleStyle)], BodySize, rightWidth, 0, 0, ParagraphAlignment.Center)).ToList() ?? [];
        var name = signature is null ? null : page.Lay([(signature.Name, titleStyle)], BodySize, rightWidth, 0, 0, ParagraphAlignment.Center);
        var signatureSpace = PageGeometry.SignatureRoom;
        var rightHeight = signature is null ? 0 : titles.Sum(t => t.Height) + signatureSpace + name!.Height;

        page.Y += 6;
        page.EnsureSpace(Math.Max(leftHeight, rightHeight));
        var top = page.Y;

        if (recipients is not null)
        {
            page.DrawLines(label, 0, label.Lines.Count, PageComposer.Left);
            foreach (var line in recipientLines) page.DrawLines(line, 0, line.Lines.Count, PageComposer.Left);
        }
        var leftEnd = page.Y;

        page.Y = top;
        if (signature is not null)
        {
            foreach (var t in titles) page.DrawLines(t, 0, t.Lines.Count, rightLeft);
            page.Y += signatureSpace;
            page.DrawLines(name!, 0, name!.Lines.Count, rightLeft);
        }
        page.Y = Math.Max(leftEnd, page.Y) + PageGeometry.ParagraphSpacing;
    }

    private static void DrawAppendixTitle(PageComposer page, string title, string? subtitle)
    {
        if (!page.AtPageTop) page.NewPage();
        var y = Centered(page, title, new TextStyle(BodySize, Bold: true), PageComposer.Left, PageComposer.Width, page.Y);
        if (!string.IsNullOrWhiteSpace(subtitle))
        {
            y = Centered(page, subtitle, new TextStyle(BodySize, Italic: true), PageComposer.Left, PageComposer.Width, y);
        }
        page.Y = y + PageGeometry.AppendixTitleSpaceAfter;
    }

    private static void DrawAppendix(PageComposer page, AppendixBlock appendix)
    {
        DrawAppendixTitle(page, appendix.Title, appendix.Subtitle);
        var body = new TextStyle(BodySize);
        foreach (var line in appendix.Lines)
        {
            var laid = page.Lay(Pieces(line.Label, body, line.Runs, body), BodySize, PageComposer.Width,
                PageGeometry.FirstLineIndent, 0, ParagraphAlignment.Justify);
            page.Flow(laid, PageGeometry.AppendixLineSpacing);
        }
    }

    private static void DrawTable(PageComposer page, TableBlock table)
    {
        if (table.StartsOnNewPage || table.Title is not null)
        {
            if (table.StartsOnNewPage) DrawAppendixTitle(page, table.Title ?? "", table.Subtitle);
            else page.Flow(page.Lay([(table.Title!, new TextStyle(BodySize, Bold: true))], BodySize, PageComposer.Width, 0, 0,
                ParagraphAlignment.Center), PageGeometry.ParagraphSpacing);
        }
        TableLayout.Draw(page, table);
    }
}
