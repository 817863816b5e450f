using System.Text.RegularExpressions;
using DanVan.Domain.Common;
using DanVan.Domain.Expressions;

namespace DanVan.Domain.Indicators;

/// <summary>
/// Chỉ tiêu: one figure with a stable code. A computed indicator has a formula and is never typed. Each template
/// version has its own rows; the code is what carries an indicator from one version to the next.
/// </summary>
public partial class Indicator
{
    public const int MaxCodeLength = 64;
    public const int MaxNameLength = 1000;
    public const int MaxMeasureLength = 32;

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
        if (string.IsNullOrWhiteSpace(code) || code.Length > MaxCodeLength)
            throw new DomainException($"Mã chỉ tiêu phải có từ 1 đến {MaxCodeLength} ký tự.");
        var indicator = new Indicator
        {
            TemplateId = templateId,
            Code = code.Trim().ToUpperInvariant(),
            SortOrder = sortOrder,
        };
        indicator.Update(name, measure, kind, unitId, groupKey, required, formula);
        return indicator;
    }

    /// <summary>Everything but the code, which stays: values, rules and other versions find the indicator by it.</summary>
    public void Update(string name, string measure, ValueKind kind, int unitId, string groupKey, bool required, string? formula)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException($"Chỉ tiêu {Code} chưa có tên.");
        if (name.Trim().Length > MaxNameLength) throw new DomainException($"Tên chỉ tiêu {Code} dài quá {MaxNameLength} ký tự.");
        if ((measure ?? "").Trim().Length > MaxMeasureLength) throw new DomainException($"Đơn vị tính của {Code} dài quá {MaxMeasureLength} ký tự.");
        formula = string.IsNullOrWhiteSpace(formula) ? null : formula.Trim();
        if (formula is not null)
        {
            try
            {
                ExpressionParser.Parse(formula);
            }
            catch (ExpressionException ex)
            {
                throw new DomainException($"Công thức của {Code}: {ex.Message}");
            }
        }
        Name = name.Trim();
        Measure = (measure ?? "").Trim();
        Kind = kind;
        UnitId = unitId;
        GroupKey = groupKey;
        IsRequired = required && formula is null;
        Formula = formula;
    }

    public void SetSortOrder(int sortOrder) => SortOrder = sortOrder;

    /// <summary>Ngừng sử dụng: kept (its code stays taken and its history readable) but not entered or reported.</summary>
    public void Retire() => IsRetired = true;

    public void Restore() => IsRetired = false;

    /// <summary>Letters, digits and '_', in parts joined by dots ("HS.SO.TONG"): how formulas and placeholders read codes.</summary>
    public static bool IsValidCode(string? code) => code is { Length: > 0 and <= MaxCodeLength } && CodeRegex().IsMatch(code);

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$")]
    private static partial Regex CodeRegex();
}
