using System.Text.Json.Serialization;

namespace DanVan.Domain.Reports.Document;

/// <summary>One block of the document; renderers walk the blocks in order.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HeaderBlock), "header")]
[JsonDerivedType(typeof(TitleBlock), "title")]
[JsonDerivedType(typeof(ParagraphBlock), "paragraph")]
[JsonDerivedType(typeof(HeadingBlock), "heading")]
[JsonDerivedType(typeof(SignatureBlock), "signature")]
[JsonDerivedType(typeof(RecipientsBlock), "recipients")]
[JsonDerivedType(typeof(AppendixBlock), "appendix")]
[JsonDerivedType(typeof(TableBlock), "table")]
public abstract record Block;

/// <summary>
/// The two-column header (Nghị định 30/2020, Phụ lục I). Left: parent agency (upper, not bold), agency (upper, bold,
/// short line under), "Số: 876/BC-VP". Right: Quốc hiệu (upper, bold), Tiêu ngữ (bold, line under as wide as the
/// text), place and date (italic) on the line of "Số".
/// </summary>
public sealed record HeaderBlock(
    string ParentAgency,
    string Agency,
    string Number,
    string PlaceAndDate) : Block
{
    public const string NationalTitle = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string Motto = "Độc lập - Tự do - Hạnh phúc";

    /// <summary>"Số: 876/BC-VP".</summary>
    public string NumberLine => "Số: " + Number;
}

/// <summary>Tên loại ("BÁO CÁO") and trích yếu, both bold and centred, a short line under.</summary>
public sealed record TitleBlock(string DocumentType, string Summary) : Block;

public enum ParagraphAlignment
{
    Justify = 0,
    Left = 1,
    Center = 2,
    Right = 3,
}

/// <summary>
/// A body paragraph: runs of text and figures, justified with a first-line indent. A run-in outline item carries its
/// label ("a)") in <see cref="Label"/> and its title as the first runs ("Tiếp công dân: ").
/// </summary>
public sealed record ParagraphBlock(IReadOnlyList<Run> Runs) : Block
{
    public string? Label { get; init; }
    public RunStyle LabelStyle { get; init; }
    public ParagraphAlignment Alignment { get; init; } = ParagraphAlignment.Justify;
    public bool FirstLineIndent { get; init; } = true;

    /// <summary>The outline section the paragraph comes from (null for the opening and closing).</summary>
    public string? SectionKey { get; init; }

    public string Text => (Label is null ? "" : Label + " ") + string.Concat(Runs.Select(r => r.Text));
}

/// <summary>
/// An outline heading: level 0 "I. CÔNG TÁC …" (upper case, bold), level 1 "1. …" (bold), level 2 "a) …" (normal,
/// as the model). <see cref="Style"/> applies to the label and every run. Renderers keep it with the next block.
/// </summary>
public sealed record HeadingBlock(int Level, string Label, IReadOnlyList<Run> Runs, RunStyle Style, string SectionKey) : Block
{
    public string Text => Label + " " + string.Concat(Runs.Select(r => r.Text));
}

/// <summary>
/// Chữ ký: the authority prefix line ("KT. CHÁNH VĂN PHÒNG"), the deputy's title ("PHÓ CHÁNH VĂN PHÒNG"), space for
/// the signature and seal, the signer's name in bold.
/// </summary>
public sealed record SignatureBlock(string AuthorityPrefix, string Title, string? DeputyTitle, string Name) : Block
{
    /// <summary>The upper-case bold lines above the signature space.</summary>
    public IReadOnlyList<string> TitleLines
    {
        get
        {
            var first = string.IsNullOrEmpty(AuthorityPrefix) ? Title : AuthorityPrefix + " " + Title;
            return string.IsNullOrWhiteSpace(DeputyTitle) ? [first] : [first, DeputyTitle];
        }
    }
}

/// <summary>Nơi nhận: lines already punctuated ("- Sở Nội vụ;", the last "- Lưu: VT, HCTC.").</summary>
public sealed record RecipientsBlock(IReadOnlyList<string> Lines) : Block
{
    public const string Label = "Nơi nhận:";
}

/// <summary>One line of the Phụ lục số liệu: level 0 numbered ("1."), level 1 a "-" sub-line.</summary>
public sealed record AppendixLine(int Level, string Label, IReadOnlyList<Run> Runs)
{
    public string Text => Label + " " + string.Concat(Runs.Select(r => r.Text));
}

/// <summary>The Phụ lục số liệu; renderers start it on a new page.</summary>
public sealed record AppendixBlock(string Title, string Subtitle, IReadOnlyList<AppendixLine> Lines) : Block;

/// <summary>A table cell: runs, and an alignment (numbers right).</summary>
public sealed record TableCell(IReadOnlyList<Run> Runs, ParagraphAlignment Alignment = ParagraphAlignment.Left)
{
    public string Text => string.Concat(Runs.Select(r => r.Text));

    public static TableCell Of(string text, ParagraphAlignment alignment = ParagraphAlignment.Left) =>
        new([new TextRun(text)], alignment);
}

/// <summary>
/// A table with a header row that renderers repeat after a page break. <see cref="ColumnWidths"/> are relative
/// weights, one per column. <see cref="StartsOnNewPage"/> puts it (and its title) on a new page.
/// </summary>
public sealed record TableBlock(
    string? Title,
    IReadOnlyList<TableCell> Header,
    IReadOnlyList<IReadOnlyList<TableCell>> Rows,
    IReadOnlyList<double> ColumnWidths) : Block
{
    public bool StartsOnNewPage { get; init; }
    public string? Subtitle { get; init; }
}
