using System.Globalization;
using DanVan.Domain.Formatting;
using DanVan.Domain.Indicators;

namespace DanVan.Domain.Reports.Document;

/// <summary>
/// Builds the report from its template, values, texts and metadata: numbers the outline (I., 1., a) — never typed),
/// fills placeholders through <see cref="VietnameseFormat"/>, and lays out the blocks of Nghị định 30/2020.
/// Pure: no I/O, the same inputs always give the same document.
/// </summary>
/// <remarks>
/// Section texts: the compiler's text for the report, else the writer unit's narrative, else the template's default;
/// split into paragraphs on line breaks. A run-in section prints "a) Title: first paragraph"; a run-in section
/// with an empty title is a numbered paragraph and prints only its label ("a) first paragraph"). A leaf section
/// without any text prints "…" so the gap is visible (and <see cref="ReportLint"/> reports it).
/// </remarks>
public static class DocumentBuilder
{
    public const string DocumentType = "BÁO CÁO";
    public const string AppendixTitle = "PHỤ LỤC SỐ LIỆU";
    public const string FigureTableTitle = "BIỂU SỐ LIỆU CHI TIẾT";
    public const string DefaultArchive = "Lưu: VT";

    public static ReportDocument Build(DocumentInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var template = inputs.Template;
        var metadata = inputs.Metadata;
        var values = new FigureValues(inputs.Indicators, inputs.Values, inputs.Previous);
        var fill = new Placeholders(values, inputs.Period.PeriodCode, metadata.RequestReference);
        var blocks = new List<Block>();

        blocks.Add(Header(metadata));
        var summary = fill.FillText(template.TitleTemplate).Trim();
        blocks.Add(new TitleBlock(DocumentType, summary));
        if (!string.IsNullOrWhiteSpace(template.OpeningTemplate))
            blocks.Add(new ParagraphBlock(fill.Fill(template.OpeningTemplate)));

        AddOutline(inputs, fill, blocks);

        if (!string.IsNullOrWhiteSpace(template.ClosingTemplate))
            blocks.Add(new ParagraphBlock(fill.Fill(template.ClosingTemplate)));
        blocks.Add(Signature(metadata));
        blocks.Add(new RecipientsBlock(RecipientLines(metadata.Recipients)));

        if (template.AppendixRows.Count > 0) blocks.Add(Appendix(inputs, fill));

        var figures = FigureRows(inputs, values);
        if (inputs.IncludeFigureTable) blocks.Add(FigureTable(figures, metadata));

        return new ReportDocument(
            Title: summary.Length == 0 ? DocumentType : DocumentType + " " + summary,
            Author: metadata.Agency.Trim(),
            Number: metadata.Number.Trim(),
            PeriodCode: inputs.Period.Code,
            Date: metadata.Date,
            Blocks: blocks,
            Figures: figures,
            MissingCodes: [.. fill.MissingCodes],
            UnknownCodes: [.. fill.UnknownCodes]);
    }

    /// <summary>
    /// The agency as the header prints it under its parent: "Văn phòng UBND tỉnh" under "UBND tỉnh Quảng Ngãi" is
    /// "VĂN PHÒNG" (a trailing part that only repeats the start of the parent's name is dropped).
    /// </summary>
    public static string HeaderAgencyName(string agency, string parentAgency)
    {
        var name = agency.Trim();
        var parent = parentAgency.Trim();
        if (name.Length == 0 || parent.Length == 0) return name;
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var start = 1; start < words.Length; start++)
        {
            var tail = string.Join(' ', words[start..]);
            if (parent.StartsWith(tail, StringComparison.OrdinalIgnoreCase)
                && (parent.Length == tail.Length || parent[tail.Length] == ' '))
                return string.Join(' ', words[..start]);
        }
        return name;
    }

    /// <summary>"- Sở Nội vụ;" for every recipient, the archive line last with a full stop: "- Lưu: VT, HCTC.".</summary>
    public static IReadOnlyList<string> RecipientLines(IEnumerable<string> recipients)
    {
        var items = recipients
            .Select(r => r.Trim().TrimStart('-', '–', '•', ' ').TrimEnd(';', '.', ',', ' '))
            .Where(r => r.Length > 0)
            .ToList();
        var archive = items.FirstOrDefault(IsArchive);
        if (archive is not null) items.Remove(archive);
        archive = archive is null ? DefaultArchive : "Lưu: " + archive[3..].TrimStart(':', ' ');
        return [.. items.Select(i => "- " + i + ";"), "- " + archive + "."];
    }

    public static bool IsArchive(string recipient)
    {
        var text = recipient.Trim().TrimStart('-', '–', '•', ' ');
        return text.StartsWith("Lưu", StringComparison.OrdinalIgnoreCase)
            && (text.Length == 3 || text[3] is ':' or ' ');
    }

    private static HeaderBlock Header(ReportMetadata m)
    {
        var place = Or(m.Place);
        var dateLine = m.Date is { } date
            ? VietnameseFormat.PlaceAndDate(place, date)
            : $"{place}, ngày {VietnameseFormat.Missing} tháng {VietnameseFormat.Missing} năm {VietnameseFormat.Missing}";
        return new HeaderBlock(
            Upper(Or(m.ParentAgency)),
            Upper(Or(HeaderAgencyName(m.Agency, m.ParentAgency))),
            Or(m.Number),
            dateLine);
    }

    private static void AddOutline(DocumentInputs inputs, Placeholders fill, List<Block> blocks)
    {
        var sections = inputs.Template.Sections;
        var parents = sections.Where(s => s.ParentKey is not null).Select(s => s.ParentKey!).ToHashSet(StringComparer.Ordinal);
        foreach (var item in inputs.Template.Outline())
        {
            var (section, depth, _) = item;
            var label = item.Label;
            var style = HeadingStyle(depth);
            var hasChildren = parents.Contains(section.Key);
            var paragraphs = Paragraphs(inputs.SectionText(section));
            var title = section.Title.Trim();

            if (section.RunIn)
            {
                var titleRuns = title.Length == 0 ? [] : fill.Fill(WithColon(title), style);
                IReadOnlyList<Run> first = paragraphs.Count > 0
                    ? fill.Fill(paragraphs[0])
                    : hasChildren ? [] : [new TextRun(VietnameseFormat.Missing)];
                blocks.Add(new ParagraphBlock([.. titleRuns, .. SpaceBefore(first, titleRuns.Count > 0)])
                {
                    Label = label,
                    LabelStyle = titleRuns.Count > 0 ? style : RunStyle.Normal,
                    SectionKey = section.Key,
                });
                foreach (var p in paragraphs.Skip(1)) blocks.Add(new ParagraphBlock(fill.Fill(p)) { SectionKey = section.Key });
                continue;
            }

            var heading = depth >= 2 && paragraphs.Count > 0 ? WithColon(title) : title;
            var runs = fill.Fill(heading);
            if (depth == 0) runs = [.. runs.Select(r => r is TextRun t ? t with { Text = t.Text.ToUpperInvariant() } : r)];
            blocks.Add(new HeadingBlock(depth, label, runs, style, section.Key));
            foreach (var p in paragraphs) blocks.Add(new ParagraphBlock(fill.Fill(p)) { SectionKey = section.Key });
            if (paragraphs.Count == 0 && !hasChildren)
                blocks.Add(new ParagraphBlock([new TextRun(VietnameseFormat.Missing)]) { SectionKey = section.Key });
        }
    }

    /// <summary>Level 0 and 1 headings are bold; level 2 and deeper are normal, as in the model report.</summary>
    public static RunStyle HeadingStyle(int depth) => depth <= 1 ? RunStyle.Bold : RunStyle.Normal;

    /// <summary>A section's text as paragraphs: one per line, blank lines dropped.</summary>
    public static IReadOnlyList<string> Paragraphs(string? text) =>
        text is null
            ? []
            : text.ReplaceLineEndings("\n").Split('\n').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();

    private static IReadOnlyList<Run> SpaceBefore(IReadOnlyList<Run> runs, bool afterTitle) =>
        !afterTitle || runs.Count == 0 ? runs : [new TextRun(" "), .. runs];

    private static string WithColon(string title)
    {
        var t = title.TrimEnd();
        return t.Length == 0 || t[^1] is ':' or '.' or ';' or '?' or '!' ? t : t + ":";
    }

    private static SignatureBlock Signature(ReportMetadata m) => new(
        m.SignerAuthority.Prefix(),
        Upper(Or(m.SignerTitle)),
        string.IsNullOrWhiteSpace(m.DeputyTitle) ? null : Upper(m.DeputyTitle),
        Or(m.SignerName));

    private static AppendixBlock Appendix(DocumentInputs inputs, Placeholders fill)
    {
        var m = inputs.Metadata;
        var date = m.Date is { } d ? VietnameseFormat.ShortDate(d) : VietnameseFormat.Missing;
        var subtitle = $"(Kèm theo Báo cáo số {Or(m.Number)} ngày {date} của {Or(m.Agency)})";
        var lines = new List<AppendixLine>();
        var rows = inputs.Template.Appendix();
        var labels = OutlineNumbering.AppendixLabels(rows);
        foreach (var (row, label) in rows.Zip(labels))
        {
            lines.Add(new AppendixLine(row.Level, label, fill.Fill(row.Text)));
        }
        return new AppendixBlock(AppendixTitle, subtitle, lines);
    }

    private static IReadOnlyList<FigureRow> FigureRows(DocumentInputs inputs, FigureValues values)
    {
        var rows = new List<FigureRow>();
        var order = 0;
        foreach (var indicator in values.Indicators.OrderBy(i => i.SortOrder).ThenBy(i => i.Code, StringComparer.Ordinal))
        {
            var formatted = values.Format(indicator.Code);
            var number = indicator.Kind == ValueKind.Text ? null : values.Number(indicator.Code);
            rows.Add(new FigureRow(
                ++order, indicator.Code, indicator.Name, indicator.Measure, indicator.Kind,
                inputs.UnitNames.GetValueOrDefault(indicator.UnitId, ""),
                number, values.Text(indicator.Code),
                formatted ?? VietnameseFormat.Missing, formatted is null, indicator.IsComputed)
            {
                Explanations = [.. inputs.Explanations
                    .Where(e => e.Codes.Contains(indicator.Code, StringComparer.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(e.Text))
                    .Select(e => $"{e.UnitName}: {InlineMarkup.Plain(e.Text.Trim())}")],
            });
        }
        return rows;
    }

    private static TableBlock FigureTable(IReadOnlyList<FigureRow> figures, ReportMetadata m)
    {
        TableCell[] header =
        [
            TableCell.Of("STT", ParagraphAlignment.Center), TableCell.Of("Mã", ParagraphAlignment.Center),
            TableCell.Of("Chỉ tiêu", ParagraphAlignment.Center), TableCell.Of("Đơn vị tính", ParagraphAlignment.Center),
            TableCell.Of("Giá trị", ParagraphAlignment.Center), TableCell.Of("Đơn vị cung cấp", ParagraphAlignment.Center),
        ];
        var rows = figures.Select(f => (IReadOnlyList<TableCell>)
        [
            TableCell.Of(f.Order.ToString(CultureInfo.InvariantCulture), ParagraphAlignment.Center),
            TableCell.Of(f.Code),
            TableCell.Of(f.Name),
            TableCell.Of(f.Measure, ParagraphAlignment.Center),
            new TableCell([new FigureRun(f.Code, f.Formatted, f.IsMissing)], ParagraphAlignment.Right),
            TableCell.Of(f.UnitName),
        ]).ToList();
        var date = m.Date is { } d ? VietnameseFormat.ShortDate(d) : VietnameseFormat.Missing;
        return new TableBlock(FigureTableTitle, header, rows, [0.6, 2.45, 3.2, 0.95, 1.05, 1.75])
        {
            StartsOnNewPage = true,
            Subtitle = $"(Kèm theo Báo cáo số {Or(m.Number)} ngày {date} của {Or(m.Agency)})",
        };
    }

    private static string Or(string? text) => string.IsNullOrWhiteSpace(text) ? VietnameseFormat.Missing : text.Trim();

    private static string Upper(string text) => text.ToUpperInvariant();
}
