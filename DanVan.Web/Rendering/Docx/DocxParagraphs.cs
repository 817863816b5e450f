using System.Globalization;
using DanVan.Domain.Reports.Document;
using DanVan.Web.Rendering.Pdf.Layout;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using WParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using WRun = DocumentFormat.OpenXml.Wordprocessing.Run;
using DocRun = DanVan.Domain.Reports.Document.Run;
using RunStyle = DanVan.Domain.Reports.Document.RunStyle;

namespace DanVan.Web.Rendering.Docx;

/// <summary>
/// The DOCX paragraphs, measured like the PDF's (<see cref="PageGeometry"/>): every line is its font size × 1,2
/// (at least, so a larger glyph is never clipped), the same spacing after paragraphs, the same indents; Word and
/// LibreOffice then break the lines where the PDF does.
/// </summary>
internal static class DocxParagraphs
{
    public const double BodySize = 14;

    public static int Twips(double points) => (int)Math.Round(points * 20);

    public static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string HalfPoints(double size) => Str((int)Math.Round(size * 2));

    /// <summary>Line height size × 1,2 and <paramref name="after"/> points after, as the PDF's line boxes.</summary>
    public static SpacingBetweenLines Spacing(double size, double after = 0, double before = 0) => new()
    {
        Before = Str(Twips(before)),
        After = Str(Twips(after)),
        Line = Str(Twips(size * PageGeometry.LineSpacing)),
        LineRule = LineSpacingRuleValues.AtLeast,
    };

    public static WRun MakeRun(string text, RunStyle style, double size, bool underline = false)
    {
        var props = new RunProperties();
        if (style.HasFlag(RunStyle.Bold)) props.Append(new Bold());
        if (style.HasFlag(RunStyle.Italic)) props.Append(new Italic());
        if (size != BodySize)
        {
            props.Append(new FontSize { Val = HalfPoints(size) });
            props.Append(new FontSizeComplexScript { Val = HalfPoints(size) });
        }
        if (underline) props.Append(new Underline { Val = UnderlineValues.Single });
        return new WRun(props, new Text(FontCache.Normalize(text)) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>A body paragraph or heading: justified, 1,27 cm first-line indent, 6 pt after, two lines kept together at a page break.</summary>
    public static WParagraph Body(string? label, RunStyle labelStyle, IEnumerable<DocRun> runs, bool keepNext,
        ParagraphAlignment alignment = ParagraphAlignment.Justify, bool indent = true, double after = PageGeometry.ParagraphSpacing)
    {
        var props = new ParagraphProperties();
        if (keepNext) props.Append(new KeepNext());
        props.Append(new WidowControl());
        props.Append(Spacing(BodySize, after));
        if (indent) props.Append(new Indentation { FirstLine = Str(Twips(PageGeometry.FirstLineIndent)) });
        props.Append(new Justification { Val = Justify(alignment) });
        var paragraph = new WParagraph(props);
        if (!string.IsNullOrEmpty(label)) paragraph.Append(MakeRun(label + " ", labelStyle, BodySize));
        foreach (var run in runs) paragraph.Append(MakeRun(run.Text, run.Style, BodySize));
        return paragraph;
    }

    public static JustificationValues Justify(ParagraphAlignment alignment) => alignment switch
    {
        ParagraphAlignment.Left => JustificationValues.Left,
        ParagraphAlignment.Center => JustificationValues.Center,
        ParagraphAlignment.Right => JustificationValues.Right,
        _ => JustificationValues.Both,
    };

    /// <summary>A centred paragraph, optionally narrower than its column by <paramref name="sideIndent"/> points on each side.</summary>
    public static WParagraph Centered(IEnumerable<DocRun> runs, double size, bool underline = false, bool pageBreakBefore = false,
        double before = 0, double after = 0, double sideIndent = 0)
    {
        var props = new ParagraphProperties();
        if (pageBreakBefore) props.Append(new PageBreakBefore());
        props.Append(Spacing(size, after, before));
        if (sideIndent > 0) props.Append(new Indentation { Left = Str(Twips(sideIndent)), Right = Str(Twips(sideIndent)) });
        props.Append(new Justification { Val = JustificationValues.Center });
        var p = new WParagraph(props);
        foreach (var run in runs) p.Append(MakeRun(run.Text, run.Style, size, underline));
        return p;
    }

    public static WParagraph Centered(string text, RunStyle style, double size, double before = 0, double after = 0) =>
        Centered([new TextRun(text, style)], size, before: before, after: after);

    /// <summary>Empty vertical space of <paramref name="points"/> points.</summary>
    public static WParagraph Spacer(double points) => new(new ParagraphProperties(
        new SpacingBetweenLines { Before = "0", After = "0", Line = Str(Math.Max(1, Twips(points))), LineRule = LineSpacingRuleValues.Exact }),
        new WRun(new RunProperties(new FontSize { Val = "2" }), new Text("")));

    /// <summary>
    /// A short centred line on a line of its own: <paramref name="gap"/> points under the text above, <paramref name="lineWidth"/>
    /// points long in a column <paramref name="columnWidth"/> points wide, <paramref name="after"/> points before what follows.
    /// The line is the top border of an empty one-point paragraph, so it can never underline the text.
    /// </summary>
    public static WParagraph ShortRule(double columnWidth, double lineWidth, double gap, double after)
    {
        var side = Str(Twips(Math.Max(0, (columnWidth - lineWidth) / 2)));
        return new WParagraph(new ParagraphProperties(
            new ParagraphBorders(new TopBorder { Val = BorderValues.Single, Size = 5U, Space = 0U, Color = "000000" }),
            new SpacingBetweenLines { Before = Str(Twips(gap)), After = Str(Twips(after)), Line = "20", LineRule = LineSpacingRuleValues.Exact },
            new Indentation { Left = side, Right = side }),
            new WRun(new RunProperties(new FontSize { Val = "2" }), new Text("")));
    }
}
