using DanVan.Domain.Common;

namespace DanVan.Domain.Reports;

/// <summary>
/// Đề cương báo cáo, one immutable version: the outline, the appendix, and (by TemplateId) the indicators and rules.
/// Editing a template creates a new version; periods stay bound to the version they were opened with.
/// </summary>
public class ReportTemplate
{
    private readonly List<OutlineSection> _sections = [];
    private readonly List<AppendixRow> _appendixRows = [];

    private ReportTemplate()
    {
        Code = "";
        Name = "";
        TitleTemplate = "";
        OpeningTemplate = "";
        ClosingTemplate = "";
    }

    public int Id { get; private set; }
    public string Code { get; private set; }
    public int Version { get; private set; }
    public string Name { get; private set; }

    /// <summary>Trích yếu, with {period.*} placeholders.</summary>
    public string TitleTemplate { get; private set; }

    /// <summary>The opening paragraph citing the request, with {request} and {period.*} placeholders.</summary>
    public string OpeningTemplate { get; private set; }

    public string ClosingTemplate { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyCollection<OutlineSection> Sections => _sections;
    public IReadOnlyCollection<AppendixRow> AppendixRows => _appendixRows;

    public static ReportTemplate Create(
        string code, int version, string name, string titleTemplate, string openingTemplate, string closingTemplate,
        DateTimeOffset createdAt)
    {
        if (string.IsNullOrWhiteSpace(code)) throw new DomainException("Mã đề cương không được trống.");
        if (version < 1) throw new DomainException("Phiên bản đề cương phải từ 1.");
        return new ReportTemplate
        {
            Code = code.Trim(),
            Version = version,
            Name = name.Trim(),
            TitleTemplate = titleTemplate.Trim(),
            OpeningTemplate = openingTemplate.Trim(),
            ClosingTemplate = closingTemplate.Trim(),
            CreatedAt = createdAt,
        };
    }

    public OutlineSection AddSection(
        string key, string? parentKey, string title, string? defaultText, int? writerUnitId, bool runIn = false)
    {
        if (_sections.Any(s => s.Key == key)) throw new DomainException($"Mục “{key}” đã có trong đề cương.");
        if (parentKey is not null && _sections.All(s => s.Key != parentKey))
            throw new DomainException($"Mục cha “{parentKey}” chưa có trong đề cương.");
        var order = _sections.Count(s => s.ParentKey == parentKey) + 1;
        var section = OutlineSection.Create(key, parentKey, order, title, defaultText, writerUnitId, runIn);
        _sections.Add(section);
        return section;
    }

    public AppendixRow AddAppendixRow(int level, string text)
    {
        var row = AppendixRow.Create(_appendixRows.Count + 1, level, text);
        _appendixRows.Add(row);
        return row;
    }

    /// <summary>Sections in document order (depth-first, by Order among siblings).</summary>
    public IReadOnlyList<(OutlineSection Section, int Depth, int Number)> Outline()
    {
        var result = new List<(OutlineSection, int, int)>();
        Walk(null, 0);
        return result;

        void Walk(string? parentKey, int depth)
        {
            var number = 0;
            foreach (var section in _sections.Where(s => s.ParentKey == parentKey).OrderBy(s => s.Order))
            {
                result.Add((section, depth, ++number));
                Walk(section.Key, depth + 1);
            }
        }
    }
}

/// <summary>One node of the outline. Its number (I., 1., a)) is derived from its place, never stored.</summary>
public class OutlineSection
{
    private OutlineSection()
    {
        Key = "";
        Title = "";
    }

    public int Id { get; private set; }
    public int TemplateId { get; private set; }

    /// <summary>A stable key ("ketqua.ttpvhcc.hoso") used by narratives, report texts and indicator groups.</summary>
    public string Key { get; private set; }

    public string? ParentKey { get; private set; }
    public int Order { get; private set; }
    public string Title { get; private set; }

    /// <summary>Starting text with {CODE} placeholders, used when no one has written this section yet.</summary>
    public string? DefaultText { get; private set; }

    /// <summary>The unit that writes this section's narrative; null when the compiler writes it.</summary>
    public int? WriterUnitId { get; private set; }

    /// <summary>
    /// The title runs into the first paragraph ("a) Tiếp công dân: Trong …") instead of standing alone; with an empty
    /// title the item is a numbered paragraph ("a) Trên cơ sở …").
    /// </summary>
    public bool RunIn { get; private set; }

    internal static OutlineSection Create(
        string key, string? parentKey, int order, string title, string? defaultText, int? writerUnitId, bool runIn)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 128) throw new DomainException("Khóa mục phải có từ 1 đến 128 ký tự.");
        // A run-in item may be a plain numbered paragraph ("a) Trên cơ sở …"): only it may have no title.
        if (string.IsNullOrWhiteSpace(title) && !runIn) throw new DomainException($"Mục “{key}” chưa có tiêu đề.");
        return new OutlineSection
        {
            Key = key.Trim(),
            ParentKey = parentKey,
            Order = order,
            Title = title?.Trim() ?? "",
            DefaultText = string.IsNullOrWhiteSpace(defaultText) ? null : defaultText.Trim(),
            WriterUnitId = writerUnitId,
            RunIn = runIn,
        };
    }
}

/// <summary>A line of the Phụ lục số liệu: level 0 is a numbered item, level 1 a "- …" line; text has placeholders.</summary>
public class AppendixRow
{
    private AppendixRow()
    {
        Text = "";
    }

    public int Id { get; private set; }
    public int TemplateId { get; private set; }
    public int Order { get; private set; }
    public int Level { get; private set; }
    public string Text { get; private set; }

    internal static AppendixRow Create(int order, int level, string text) => new()
    {
        Order = order,
        Level = level is 0 or 1 ? level : throw new DomainException("Cấp dòng phụ lục chỉ là 0 hoặc 1."),
        Text = text.Trim(),
    };
}
