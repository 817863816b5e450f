using DanVan.Domain.Reports.Document;

namespace DanVan.Web.Rendering.Pdf.Layout;

/// <summary>
/// The header block's fonts and columns, shared by the PDF and the DOCX: the left column is sized to its text (at
/// most 42% of the width), the right column takes the rest; a short line under the agency 2/5 of its width.
/// </summary>
public static class HeaderGeometry
{
    public static readonly TextStyle Parent = new(13);
    public static readonly TextStyle Agency = new(13, Bold: true);
    public static readonly TextStyle Number = new(13);
    public static readonly TextStyle National = new(12, Bold: true);
    public static readonly TextStyle Motto = new(13, Bold: true);
    public static readonly TextStyle Date = new(14, Italic: true);

    /// <summary>Points between a column's last line and the line under it.</summary>
    public const double RuleGap = 3;

    /// <summary>Points between the lower of the two lines and the row of "Số" and the date.</summary>
    public const double NumberRowGap = 6;

    /// <summary>Points between the row of "Số" and the title.</summary>
    public const double SpaceAfter = 18;

    public static double LeftWidth(HeaderBlock h, FontCache fonts)
    {
        var need = new[]
        {
            fonts.Width(FontCache.Normalize(h.ParentAgency), Parent),
            fonts.Width(FontCache.Normalize(h.Agency), Agency),
            fonts.Width(FontCache.Normalize(h.NumberLine), Number),
        }.Max() + 16;
        return Math.Min(need, PageGeometry.ContentWidth * 0.42);
    }

    /// <summary>The line under the agency: 2/5 of the agency's (widest line's) width, at least 30 points.</summary>
    public static double AgencyRule(double agencyWidth) => Math.Max(agencyWidth * 0.4, 30);
}
