using DanVan.Domain.Common;

namespace DanVan.Domain.Reports;

/// <summary>A line of the Phụ lục số liệu: level 0 is a numbered item, level 1 a "- …" line; text has placeholders.</summary>
public class AppendixRow
{
    public const int MaxTextLength = 4000;

    private AppendixRow()
    {
        Text = "";
    }

    public int Id { get; private set; }
    public int TemplateId { get; private set; }
    public int Order { get; private set; }
    public int Level { get; private set; }
    public string Text { get; private set; }

    internal static AppendixRow Create(int order, int level, string text)
    {
        var row = new AppendixRow { Order = order };
        row.Update(level, text);
        return row;
    }

    internal void Update(int level, string text)
    {
        if (level is not (0 or 1)) throw new DomainException("Cấp dòng phụ lục chỉ là 0 hoặc 1.");
        if (string.IsNullOrWhiteSpace(text)) throw new DomainException("Dòng phụ lục không được trống.");
        Level = level;
        Text = text.Trim();
    }

    internal void MoveTo(int order) => Order = order;
}
