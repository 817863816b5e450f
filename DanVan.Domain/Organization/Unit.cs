using DanVan.Domain.Common;

namespace DanVan.Domain.Organization;

/// <summary>Đơn vị. Units form a tree; the issuing agency is the root unit of its tree.</summary>
public class Unit
{
    private Unit()
    {
        Code = "";
        Name = "";
    }

    public int Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public int? ParentId { get; private set; }
    public Unit? Parent { get; private set; }
    public bool IsAgency { get; private set; }

    /// <summary>Cơ quan chủ quản, printed above the agency in the document header (agencies only).</summary>
    public string? ParentAgencyName { get; private set; }

    public int SortOrder { get; private set; }
    public bool IsRetired { get; private set; }

    public static Unit CreateAgency(string code, string name, string parentAgencyName) => new()
    {
        Code = RequireCode(code),
        Name = RequireName(name),
        IsAgency = true,
        ParentAgencyName = RequireName(parentAgencyName),
    };

    public static Unit Create(string code, string name, Unit parent, int sortOrder) => new()
    {
        Code = RequireCode(code),
        Name = RequireName(name),
        Parent = parent,
        ParentId = parent.Id == 0 ? null : parent.Id,
        SortOrder = sortOrder,
    };

    public void Rename(string name) => Name = RequireName(name);

    public void Retire() => IsRetired = true;

    private static string RequireCode(string code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 32)
            throw new DomainException("Mã đơn vị phải có từ 1 đến 32 ký tự.");
        return code.Trim().ToUpperInvariant();
    }

    private static string RequireName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 256)
            throw new DomainException("Tên đơn vị phải có từ 1 đến 256 ký tự.");
        return name.Trim();
    }
}
