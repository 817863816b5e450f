using DanVan.Domain.Indicators;

namespace DanVan.Domain.Reports.Document;

/// <summary>
/// The compiled report as ordered blocks, ready for any renderer (PDF, DOCX, HTML), plus the figure table the XLSX
/// appendix is written from. Pure data: building it twice from the same inputs gives the same document.
/// </summary>
public sealed record ReportDocument(
    string Title,
    string Author,
    string Number,
    string PeriodCode,
    DateOnly? Date,
    IReadOnlyList<Block> Blocks,
    IReadOnlyList<FigureRow> Figures,
    IReadOnlyList<string> MissingCodes,
    IReadOnlyList<string> UnknownCodes)
{
    public IEnumerable<T> BlocksOf<T>() where T : Block => Blocks.OfType<T>();

    /// <summary>The whole text in reading order, one block a line (for search, tests and plain-text export).</summary>
    public string PlainText() => string.Join('\n', Blocks.SelectMany(BlockLines));

    private static IEnumerable<string> BlockLines(Block block) => block switch
    {
        HeaderBlock h => [h.ParentAgency, h.Agency, HeaderBlock.NationalTitle, HeaderBlock.Motto, h.NumberLine, h.PlaceAndDate],
        TitleBlock t => [t.DocumentType, t.Summary],
        HeadingBlock h => [h.Text],
        ParagraphBlock p => [p.Text],
        SignatureBlock s => [.. s.TitleLines, s.Name],
        RecipientsBlock r => [RecipientsBlock.Label, .. r.Lines],
        AppendixBlock a => [a.Title, a.Subtitle, .. a.Lines.Select(l => l.Text)],
        TableBlock t => [.. t.Title is null ? Array.Empty<string>() : [t.Title], string.Join(" | ", t.Header.Select(c => c.Text)),
            .. t.Rows.Select(r => string.Join(" | ", r.Select(c => c.Text)))],
        _ => [],
    };
}

/// <summary>
/// One indicator with its value for the period, in template order: what the XLSX appendix and the figure table
/// print. <see cref="Number"/> is in the indicator's own units (percent values in percent, 98.59 for 98,59%).
/// </summary>
public sealed record FigureRow(
    int Order,
    string Code,
    string Name,
    string Measure,
    ValueKind Kind,
    string UnitName,
    decimal? Number,
    string? Text,
    string Formatted,
    bool IsMissing,
    bool IsComputed)
{
    /// <summary>The units' explanations of rules that check this figure: "Trung tâm …: Tổng số 19.388 hồ sơ là …".</summary>
    public IReadOnlyList<string> Explanations { get; init; } = [];

    /// <summary>
    /// The figure's note, as the appendix workbook prints it: "… chưa có số liệu" for a blank value, "Tính tự động"
    /// for a computed one, then the explanations, one a line.
    /// </summary>
    public string Note => string.Join('\n', (IsMissing ? [Formatting.VietnameseFormat.Missing + " chưa có số liệu"] : IsComputed ? ["Tính tự động"] : Array.Empty<string>())
        .Concat(Explanations));
}
