using DanVan.Domain.Reports.Document;
using DanVan.Web.Rendering.Pdf.Layout;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static DanVan.Web.Rendering.Docx.DocxParagraphs;
using WParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using WRun = DocumentFormat.OpenXml.Wordprocessing.Run;
using RunStyle = DanVan.Domain.Reports.Document.RunStyle;

namespace DanVan.Web.Rendering.Docx;

/// <summary>
/// Renders a <see cref="ReportDocument"/> to DOCX (OpenXml 2.20) laid out like the PDF: A4 11906 × 16838 twips, the
/// PDF's margins (<see cref="PageGeometry"/>), Times New Roman (Liberation Serif has the same metrics) in the PDF's
/// sizes, lines of size × 1,2, the same paragraph spacing and indents, headings kept with the next paragraph, widow
/// and orphan control, the header as a borderless two-column table in the PDF's columns, page numbers from page 2
/// (a different first-page header, a PAGE field), Nơi nhận and signature side by side, the appendix after a page break.
/// </summary>
public sealed class DocxReportRenderer
{
    public const string FontName = "Times New Roman";

    /// <param name="draftMark">The mark of a report not yet approved ("DỰ THẢO"), in the header of every page; null for the final look.</param>
    public byte[] Render(ReportDocument document, string? draftMark = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            word.PackageProperties.Title = FontCache.Normalize(document.Title);
            word.PackageProperties.Creator = FontCache.Normalize(document.Author);
            word.PackageProperties.Subject = FontCache.Normalize("Báo cáo số " + document.Number);

            var main = word.AddMainDocumentPart();
            AddStyles(main);
            AddSettings(main);
            var numbered = main.AddNewPart<HeaderPart>();
            numbered.Header = PageNumberHeader();
            var first = main.AddNewPart<HeaderPart>();
            first.Header = new Header();
            if (draftMark is not null)
            {
                numbered.Header.PrependChild(DraftMark(draftMark));
                first.Header.Append(DraftMark(draftMark));
            }
            else
            {
                first.Header.Append(new WParagraph());
            }

            var fonts = new FontCache();
            var body = new Body();
            AppendBlocks(body, document.Blocks, fonts);
            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(numbered) },
                new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(first) },
                new PageSize { Width = (uint)Twips(PageGeometry.A4Width), Height = (uint)Twips(PageGeometry.A4Height), Orient = PageOrientationValues.Portrait },
                new PageMargin
                {
                    Top = (int)Margin(PageGeometry.MarginTop), Bottom = (int)Margin(PageGeometry.MarginBottom),
                    Left = Margin(PageGeometry.MarginLeft), Right = Margin(PageGeometry.MarginRight),
                    Header = (uint)HeaderDistance, Footer = 567U, Gutter = 0U,
                },
                new TitlePage()));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    /// <summary>“DỰ THẢO” framed in red at the right of the header.</summary>
    private static WParagraph DraftMark(string mark)
    {
        var run = MakeRun(mark, RunStyle.Bold, 14);
        run.RunProperties!.Append(new Color { Val = "B02A37" });
        return new WParagraph(new ParagraphProperties(
            new ParagraphBorders(
                new TopBorder { Val = BorderValues.Single, Size = 12U, Color = "B02A37" }, new LeftBorder { Val = BorderValues.Single, Size = 12U, Color = "B02A37" },
                new BottomBorder { Val = BorderValues.Single, Size = 12U, Color = "B02A37" }, new RightBorder { Val = BorderValues.Single, Size = 12U, Color = "B02A37" }),
            new Indentation { Left = Str(Twips(PageGeometry.ContentWidth) - 1900) },
            new Justification { Val = JustificationValues.Center }), run);
    }

    /// <summary>A margin in whole twips, rounded up: never narrower than Nghị định 30's (15 mm = 850,4 → 851).</summary>
    private static uint Margin(double points) => (uint)Math.Ceiling(points * 20);

    private static void AppendBlocks(Body body, IReadOnlyList<Block> blocks, FontCache fonts)
    {
        var width = PageGeometry.ContentWidth;
        for (var i = 0; i < blocks.Count; i++)
        {
            switch (blocks[i])
            {
                case HeaderBlock h:
                    body.Append(DocxTables.Header(h, fonts));
                    body.Append(Spacer(HeaderGeometry.SpaceAfter));
                    break;
                case TitleBlock t:
                    body.Append(Centered(t.DocumentType, RunStyle.Bold, BodySize));
                    body.Append(Centered([new TextRun(t.Summary, RunStyle.Bold)], BodySize, sideIndent: width * (1 - PageGeometry.SummaryWidth) / 2));
                    body.Append(ShortRule(width, width / 3, PageGeometry.TitleRuleGap, PageGeometry.TitleSpaceAfter - 1));
                    break;
                case HeadingBlock h:
                    body.Append(Body(h.Label, h.Style, h.Runs.Select(r => r with { Style = r.Style | h.Style }), keepNext: true));
                    break;
                case ParagraphBlock p:
                    body.Append(Body(p.Label, p.LabelStyle, p.Runs, keepNext: false, p.Alignment, p.FirstLineIndent));
                    break;
                case SignatureBlock s:
                    var recipients = i + 1 < blocks.Count ? blocks[i + 1] as RecipientsBlock : null;
                    if (recipients is not null) i++;
                    body.Append(Spacer(PageGeometry.ParagraphSpacing));
                    body.Append(DocxTables.Signature(s, recipients, fonts));
                    break;
                case RecipientsBlock r:
                    body.Append(Spacer(PageGeometry.ParagraphSpacing));
                    body.Append(DocxTables.Signature(null, r, fonts));
                    break;
                case AppendixBlock a:
                    AppendAppendixTitle(body, a.Title, a.Subtitle);
                    foreach (var line in a.Lines)
                        body.Append(Body(line.Label, RunStyle.Normal, line.Runs, keepNext: false, after: PageGeometry.AppendixLineSpacing));
                    break;
                case TableBlock t:
                    if (t.StartsOnNewPage) AppendAppendixTitle(body, t.Title ?? "", t.Subtitle);
                    else if (t.Title is not null) body.Append(Centered(t.Title, RunStyle.Bold, BodySize, after: PageGeometry.ParagraphSpacing));
                    body.Append(DocxTables.Data(t));
                    body.Append(Spacer(PageGeometry.ParagraphSpacing));
                    break;
            }
        }
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = FontName, HighAnsi = FontName, ComplexScript = FontName, EastAsia = FontName },
                    new FontSize { Val = Str((int)(BodySize * 2)) },
                    new FontSizeComplexScript { Val = Str((int)(BodySize * 2)) },
                    new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(Spacing(BodySize)))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        styles.Styles.Save();
    }

    /// <summary>Word 2013+ layout rules (no legacy compatibility options), which LibreOffice follows too.</summary>
    private static void AddSettings(MainDocumentPart main)
    {
        var settings = main.AddNewPart<DocumentSettingsPart>();
        settings.Settings = new Settings(
            new DefaultTabStop { Val = 720 },
            new Compatibility(new CompatibilitySetting
            {
                Name = CompatSettingNameValues.CompatibilityMode,
                Uri = "http://schemas.microsoft.com/office/word",
                Val = "15",
            }));
        settings.Settings.Save();
    }

    /// <summary>The page number's line box starts where the PDF's number (baseline a third into the top margin) has its top.</summary>
    private static readonly int HeaderDistance =
        Twips(PageGeometry.MarginTop / 2 + PageComposer.PageNumberSize * (0.35 - PageGeometry.BaselineOffset));

    private static Header PageNumberHeader()
    {
        var size = PageComposer.PageNumberSize;
        var props = () => new RunProperties(new FontSize { Val = Str((int)(size * 2)) });
        return new Header(new WParagraph(
            new ParagraphProperties(Spacing(size), new Justification { Val = JustificationValues.Center }),
            new WRun(props(), new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new WRun(props(), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new WRun(props(), new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new WRun(props(), new Text("2")),
            new WRun(props(), new FieldChar { FieldCharType = FieldCharValues.End })));
    }

    private static void AppendAppendixTitle(Body body, string title, string? subtitle)
    {
        var hasSubtitle = !string.IsNullOrWhiteSpace(subtitle);
        body.Append(Centered([new TextRun(title, RunStyle.Bold)], BodySize, pageBreakBefore: true,
            after: hasSubtitle ? 0 : PageGeometry.AppendixTitleSpaceAfter));
        if (hasSubtitle) body.Append(Centered(subtitle!, RunStyle.Italic, BodySize, after: PageGeometry.AppendixTitleSpaceAfter));
    }
}
