using DanVan.Domain.Common;

namespace DanVan.Domain.Reports;

/// <summary>
/// Đề cương báo cáo, one version: the outline, the appendix, and (by TemplateId) the indicators and rules.
/// A version is created as a draft, edited freely, then published; a published version never changes again, and
/// periods bind only to published versions (the one current when they are opened).
/// </summary>
public partial class ReportTemplate
{
    /// <summary>The deepest outline level: 0 is "I.", 1 is "1.", 2 is "a)".</summary>
    public const int MaxDepth = 2;
    public const int MaxCodeLength = 32;
    public const int MaxNameLength = 256;
    public const int MaxTitleLength = 1000;
    public const int MaxTextLength = 4000;
    public const int MaxUserLength = 256;

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

    /// <summary>A working copy the admin edits; nothing but the admin pages reads it, and no period binds to it.</summary>
    public bool IsDraft { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }
    public string? PublishedBy { get; private set; }
    public DateTimeOffset? UpdatedAt { get; private set; }
    public string? UpdatedBy { get; private set; }

    /// <summary>Renewed by every change of the draft (its outline, indicators or rules): two admins cannot overwrite each other.</summary>
    public Guid ConcurrencyStamp { get; private set; }

    public IReadOnlyCollection<OutlineSection> Sections => _sections;
    public IReadOnlyCollection<AppendixRow> AppendixRows => _appendixRows;

    /// <summary>A new version, as a draft; <see cref="Publish"/> makes it usable by periods.</summary>
    public static ReportTemplate Create(
        string code, int version, string name, string titleTemplate, string openingTemplate, string closingTemplate,
        DateTimeOffset createdAt)
    {
        if (string.IsNullOrWhiteSpace(code)) throw new DomainException("Mã đề cương không được trống.");
        if (version < 1) throw new DomainException("Phiên bản đề cương phải từ 1.");
        var template = new ReportTemplate
        {
            Code = code.Trim(),
            Version = version,
            CreatedAt = createdAt,
            IsDraft = true,
            ConcurrencyStamp = Guid.NewGuid(),
        };
        template.SetTexts(name, titleTemplate, openingTemplate, closingTemplate);
        return template;
    }

    /// <summary>Refuses any change to a published version: periods and issued reports rely on it staying as it was.</summary>
    public void EnsureDraft()
    {
        if (!IsDraft)
            throw new DomainException($"Phiên bản {Version} của đề cương đã phát hành nên không sửa được; hãy tạo bản nháp mới (nút “Sửa đề cương”).");
    }

    public void Publish(string user, DateTimeOffset at)
    {
        EnsureDraft();
        IsDraft = false;
        PublishedAt = at;
        PublishedBy = user;
        Touch(user, at);
    }

    /// <summary>Records a change of the draft (also of its indicators and rules, which live in their own rows).</summary>
    public void Touch(string user, DateTimeOffset at)
    {
        UpdatedAt = at;
        UpdatedBy = user;
        ConcurrencyStamp = Guid.NewGuid();
    }

    public void SetTexts(string name, string titleTemplate, string openingTemplate, string closingTemplate)
    {
        EnsureDraft();
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Tên đề cương không được trống.");
        if (string.IsNullOrWhiteSpace(titleTemplate)) throw new DomainException("Trích yếu không được trống.");
        Name = name.Trim();
        TitleTemplate = titleTemplate.Trim();
        OpeningTemplate = (openingTemplate ?? "").Trim();
        ClosingTemplate = (closingTemplate ?? "").Trim();
    }

    public OutlineSection? Section(string key) => _sections.FirstOrDefault(s => s.Key == key);

    /// <summary>0 for a top-level section ("I."), 1 under it ("1."), 2 below that ("a)").</summary>
    public int DepthOf(string key)
    {
        var depth = 0;
        var section = Section(key) ?? throw new DomainException($"Mục “{key}” không có trong đề cương.");
        while (section.ParentKey is { } parent)
        {
            depth++;
            section = Section(parent)!;
        }
        return depth;
    }

    public IReadOnlyList<OutlineSection> ChildrenOf(string? parentKey) =>
        _sections.Where(s => s.ParentKey == parentKey).OrderBy(s => s.Order).ToList();

    public OutlineSection AddSection(
        string key, string? parentKey, string title, string? defaultText, int? writerUnitId, bool runIn = false)
    {
        EnsureDraft();
        key = key?.Trim() ?? "";
        if (_sections.Any(s => s.Key == key)) throw new DomainException($"Mục “{key}” đã có trong đề cương.");
        if (parentKey is not null && _sections.All(s => s.Key != parentKey))
            throw new DomainException($"Mục cha “{parentKey}” chưa có trong đề cương.");
        if (parentKey is not null && DepthOf(parentKey) >= MaxDepth)
            throw new DomainException("Đề cương chỉ có ba cấp (I., 1., a)): không thêm được mục con dưới mục cấp a).");
        var order = _sections.Count(s => s.ParentKey == parentKey) + 1;
        var section = OutlineSection.Create(key, parentKey, order, title, defaultText, writerUnitId, runIn);
        _sections.Add(section);
        return section;
    }

    public void UpdateSection(string key, string title, string? defaultText, int? writerUnitId, bool runIn)
    {
        EnsureDraft();
        var section = Section(key) ?? throw new DomainException($"Mục “{key}” không có trong đề cương.");
        section.Update(title, defaultText, writerUnitId, runIn);
    }

    /// <summary>Moves a section one place up (offset −1) or down (+1) among its siblings.</summary>
    public void MoveSection(string key, int offset)
    {
        EnsureDraft();
        var section = Section(key) ?? throw new DomainException($"Mục “{key}” không có trong đề cương.");
        var siblings = ChildrenOf(section.ParentKey).ToList();
        var index = siblings.IndexOf(section);
        var target = index + Math.Sign(offset);
        if (target < 0 || target >= siblings.Count) return;
        siblings.RemoveAt(index);
        siblings.Insert(target, section);
        Renumber(siblings);
    }

    /// <summary>Moves a section (with everything under it) to the end of another parent, or to the top level.</summary>
    public void MoveSectionUnder(string key, string? newParentKey)
    {
        EnsureDraft();
        var section = Section(key) ?? throw new DomainException($"Mục “{key}” không có trong đề cương.");
        if (section.ParentKey == newParentKey) return;
        if (newParentKey is not null)
        {
            if (Section(newParentKey) is null) throw new DomainException($"Mục cha “{newParentKey}” không có trong đề cương.");
            if (newParentKey == key || IsUnder(newParentKey, key))
                throw new DomainException("Không chuyển được một mục vào chính nó hoặc vào mục con của nó.");
        }
        var newDepth = newParentKey is null ? 0 : DepthOf(newParentKey) + 1;
        if (newDepth + Height(key) > MaxDepth)
            throw new DomainException("Đề cương chỉ có ba cấp (I., 1., a)): mục này và các mục con của nó không đặt được ở đó.");
        var oldParent = section.ParentKey;
        section.Place(newParentKey, _sections.Count(s => s.ParentKey == newParentKey) + 1);
        Renumber(ChildrenOf(oldParent));
    }

    /// <summary>Removes a section that has no sub-items (indicators grouped under it are checked by the caller).</summary>
    public void RemoveSection(string key)
    {
        EnsureDraft();
        var section = Section(key) ?? throw new DomainException($"Mục “{key}” không có trong đề cương.");
        var children = ChildrenOf(key);
        if (children.Count > 0)
            throw new DomainException($"Mục “{Describe(section)}” còn {children.Count} mục con; hãy xóa hoặc chuyển các mục con trước.");
        _sections.Remove(section);
        Renumber(ChildrenOf(section.ParentKey));
    }

    /// <summary>True when <paramref name="key"/> lies somewhere below <paramref name="ancestorKey"/>.</summary>
    public bool IsUnder(string key, string ancestorKey)
    {
        var current = Section(key)?.ParentKey;
        while (current is not null)
        {
            if (current == ancestorKey) return true;
            current = Section(current)?.ParentKey;
        }
        return false;
    }

    private int Height(string key)
    {
        var children = _sections.Where(s => s.ParentKey == key).ToList();
        return children.Count == 0 ? 0 : 1 + children.Max(c => Height(c.Key));
    }

    private static void Renumber(IReadOnlyList<OutlineSection> siblings)
    {
        for (var i = 0; i < siblings.Count; i++) siblings[i].Place(siblings[i].ParentKey, i + 1);
    }

    private static string Describe(OutlineSection section) => section.Title.Length > 0 ? section.Title : section.Key;

    public AppendixRow AddAppendixRow(int level, string text)
    {
        EnsureDraft();
        var row = AppendixRow.Create(_appendixRows.Count + 1, level, text);
        _appendixRows.Add(row);
        return row;
    }

    public IReadOnlyList<AppendixRow> Appendix() => _appendixRows.OrderBy(r => r.Order).ToList();

    /// <summary>Changes the row at a place (1-based) of the appendix.</summary>
    public void UpdateAppendixRow(int order, int level, string text)
    {
        EnsureDraft();
        RowAt(order).Update(level, text);
    }

    public void MoveAppendixRow(int order, int offset)
    {
        EnsureDraft();
        var rows = Appendix().ToList();
        var row = RowAt(order);
        var target = order - 1 + Math.Sign(offset);
        if (target < 0 || target >= rows.Count) return;
        rows.Remove(row);
        rows.Insert(target, row);
        for (var i = 0; i < rows.Count; i++) rows[i].MoveTo(i + 1);
    }

    public void RemoveAppendixRow(int order)
    {
        EnsureDraft();
        _appendixRows.Remove(RowAt(order));
        var rows = Appendix();
        for (var i = 0; i < rows.Count; i++) rows[i].MoveTo(i + 1);
    }

    private AppendixRow RowAt(int order) =>
        _appendixRows.FirstOrDefault(r => r.Order == order) ?? throw new DomainException($"Phụ lục không có dòng thứ {order}.");

    /// <summary>Sections in document order (depth-first, by Order among siblings), numbered.</summary>
    public IReadOnlyList<OutlineItem> Outline() => Numbering().Items;

    /// <summary>The one numbering of this outline and its appendix (see <see cref="OutlineNumbering"/>).</summary>
    public OutlineNumbering Numbering() => OutlineNumbering.Of(_sections);
}
