namespace DanVan.Web.Rendering.Pdf.Layout;

/// <summary>A4 portrait with the margins of Nghị định 30/2020 (top 20, bottom 20, left 30, right 15 mm), in points.</summary>
public static class PageGeometry
{
    public const double A4Width = 595.2756;   // 210 mm
    public const double A4Height = 841.8898;  // 297 mm

    public static double Mm(double mm) => mm * 72.0 / 25.4;

    public static readonly double MarginTop = Mm(20);
    public static readonly double MarginBottom = Mm(20);
    public static readonly double MarginLeft = Mm(30);
    public static readonly double MarginRight = Mm(15);

    public static double ContentWidth => A4Width - MarginLeft - MarginRight;
    public static double ContentTop => MarginTop;
    public static double ContentBottom => A4Height - MarginBottom;

    /// <summary>First-line indent of body paragraphs: 1,27 cm.</summary>
    public static readonly double FirstLineIndent = Mm(12.7);

    /// <summary>Line spacing as a multiple of the font size (about 1,2 lines).</summary>
    public const double LineSpacing = 1.2;

    /// <summary>Space after a body paragraph.</summary>
    public const double ParagraphSpacing = 6;

    /// <summary>
    /// Height of the room between the signer's title and name (Nghị định 30/2020, Phụ lục I, electronic documents):
    /// the leader's signature image and the agency's seal image (about 36 mm across, over a third of the signature,
    /// to its left) that the signing tool places there. The same height in the PDF, DOCX and HTML.
    /// </summary>
    public const double SignatureRoomMm = 38;

    public static readonly double SignatureRoom = Mm(SignatureRoomMm);

    /// <summary>Where the baseline sits in a line box, as a multiple of the font size (ascent 0,891 em + half leading).</summary>
    public const double BaselineOffset = 0.94;

    /// <summary>The trích yếu's share of the content width.</summary>
    public const double SummaryWidth = 0.86;

    /// <summary>Points between the trích yếu's last line and the short line under it, and from that line to the text.</summary>
    public const double TitleRuleGap = 4;
    public const double TitleSpaceAfter = 16;

    /// <summary>Points under an appendix title (and subtitle), and after each appendix line.</summary>
    public const double AppendixTitleSpaceAfter = 12;
    public const double AppendixLineSpacing = 4;
}
