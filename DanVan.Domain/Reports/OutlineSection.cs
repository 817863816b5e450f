using DanVan.Domain.Common;

namespace DanVan.Domain.Reports;

/// <summary>One node of the outline. Its number (I., 1., a)) is derived from its place, never stored.</summary>
public class OutlineSection
{
    public const int MaxKeyLength = 128;
    public const int MaxTitleLength = 1000;

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
        var section = new OutlineSection
        {
            Key = key.Trim(),
            ParentKey = parentKey,
            Order = order,
        };
        section.Update(title, defaultText, writerUnitId, runIn);
        return section;
    }

    internal void Update(string title, string? defaultText, int? writerUnitId, bool runIn)
    {
        // A run-in item may be a plain numbered paragraph ("a) Trên cơ sở …"): only it may have no title.
        if (string.IsNullOrWhiteSpace(title) && !runIn) throw new DomainException($"Mục “{Key}” chưa có tiêu đề.");
        Title = title?.Trim() ?? "";
        DefaultText = string.IsNullOrWhiteSpace(defaultText) ? null : defaultText.Replace("\r\n", "\n").Trim();
        WriterUnitId = writerUnitId;
        RunIn = runIn;
    }

    internal void Place(string? parentKey, int order)
    {
        ParentKey = parentKey;
        Order = order;
    }
}
