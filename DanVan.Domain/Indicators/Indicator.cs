using DanVan.Domain.Common;

namespace DanVan.Domain.Indicators;

/// <summary>Chỉ tiêu: one figure with a stable code. A computed indicator has a formula and is never typed.</summary>
public class Indicator
{
    private Indicator()
    {
        Code = "";
        Name = "";
        Measure = "";
        GroupKey = "";
    }

    public int Id { get; private set; }
    public int TemplateId { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }

    /// <summary>Đơn vị tính: hồ sơ, lượt, người, đơn, văn bản, %.</summary>
    public string Measure { get; private set; }

    public ValueKind Kind { get; private set; }

    /// <summary>The unit that supplies the figure.</summary>
    public int UnitId { get; private set; }

    /// <summary>The outline section under which the figure is entered and reported.</summary>
    public string GroupKey { get; private set; }

    public int SortOrder { get; private set; }
    public bool IsRequired { get; private set; }

    /// <summary>For computed indicators (totals, rates): an expression over other codes.</summary>
    public string? Formula { get; private set; }

    public bool IsRetired { get; private set; }

    public bool IsComputed => Formula is not null;

    public static Indicator Create(
        int templateId, string code, string name, string measure, ValueKind kind, int unitId,
        string groupKey, int sortOrder, bool required, string? formula = null)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 64)
            throw new DomainException("Mã chỉ tiêu phải có từ 1 đến 64 ký tự.");
        if (string.IsNullOrWhiteSpace(name))
            throw new DomainException($"Chỉ tiêu {code} chưa có tên.");
        return new Indicator
        {
            TemplateId = templateId,
            Code = code.Trim().ToUpperInvariant(),
            Name = name.Trim(),
            Measure = measure.Trim(),
            Kind = kind,
            UnitId = unitId,
            GroupKey = groupKey,
            SortOrder = sortOrder,
            IsRequired = required && formula is null,
            Formula = string.IsNullOrWhiteSpace(formula) ? null : formula.Trim(),
        };
    }

    public void Retire() => IsRetired = true;
}
