using DanVan.Domain.Common;

namespace DanVan.Domain.Organization;

/// <summary>Đơn vị. Units form a tree; the issuing agency is the root unit of its tree.</summary>
public class Unit
{
    public const int MaxCodeLength = 32;
    public const int MaxNameLength = 256;

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

    /// <summary>
    /// Ngừng hoạt động: the unit keeps its history (past submissions, values, reports) but takes no part in periods
    /// created afterwards.
    /// </summary>
    public bool IsRetired { get; private set; }

    /// <summary>Optimistic concurrency token, renewed on every change (two admins editing the tree).</summary>
    public Guid Version { get; private set; }

    public static Unit CreateAgency(string code, string name, string parentAgencyName) => new()
    {
        Code = RequireCode(code),
        Name = RequireName(name),
        IsAgency = true,
        ParentAgencyName = RequireName(parentAgencyName),
        Version = Guid.NewGuid(),
    };

    public static Unit Create(string code, string name, Unit parent, int sortOrder)
    {
        if (parent.IsRetired) throw new DomainException("Không thể đặt đơn vị dưới một đơn vị đã ngừng hoạt động.");
        return new Unit
        {
            Code = RequireCode(code),
            Name = RequireName(name),
            Parent = parent,
            ParentId = parent.Id == 0 ? null : parent.Id,
            SortOrder = sortOrder,
            Version = Guid.NewGuid(),
        };
    }

    public void Rename(string name)
    {
        Name = RequireName(name);
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// Moves the unit under another parent. <paramref name="parentAncestorIds"/> are the ids on the new parent's path to
    /// the root: the unit must not be among them, or the tree would have a cycle.
    /// </summary>
    public void MoveUnder(Unit parent, IReadOnlyCollection<int> parentAncestorIds)
    {
        if (IsAgency) throw new DomainException("Không thể chuyển cơ quan gốc.");
        if (parent.Id == Id || parentAncestorIds.Contains(Id))
            throw new DomainException("Không thể chuyển đơn vị vào chính nó hoặc vào một đơn vị trực thuộc nó.");
        if (parent.IsRetired) throw new DomainException("Không thể đặt đơn vị dưới một đơn vị đã ngừng hoạt động.");
        if (ParentId == parent.Id) throw new DomainException("Đơn vị đã ở dưới đơn vị này.");
        Parent = parent;
        ParentId = parent.Id;
        Version = Guid.NewGuid();
    }

    /// <summary>Renews the token only: a move beneath this unit serialises with other moves on the same branch.</summary>
    public void Touch() => Version = Guid.NewGuid();

    public void Retire(bool hasActiveChildren = false)
    {
        if (IsAgency) throw new DomainException("Không thể ngừng hoạt động cơ quan gốc.");
        if (IsRetired) throw new DomainException("Đơn vị đã ngừng hoạt động.");
        if (hasActiveChildren)
            throw new DomainException("Đơn vị còn đơn vị trực thuộc đang hoạt động; hãy chuyển hoặc ngừng hoạt động các đơn vị đó trước.");
        IsRetired = true;
        Version = Guid.NewGuid();
    }

    public void Restore()
    {
        if (!IsRetired) throw new DomainException("Đơn vị đang hoạt động.");
        if (Parent is { IsRetired: true }) throw new DomainException("Đơn vị cấp trên đã ngừng hoạt động; hãy khôi phục hoặc chuyển đơn vị sang đơn vị khác trước.");
        IsRetired = false;
        Version = Guid.NewGuid();
    }

    /// <summary>Why a code cannot name a unit, or null.</summary>
    public static string? CheckCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Trim().Length > MaxCodeLength)
            return $"Mã đơn vị phải có từ 1 đến {MaxCodeLength} ký tự.";
        // Codes appear in URLs, file names and the API: letters, digits, '.', '-', '_' only.
        if (!code.Trim().ToUpperInvariant().All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '-' or '_'))
            return "Mã đơn vị chỉ gồm chữ cái không dấu, chữ số và các dấu . - _";
        return null;
    }

    /// <summary>Why a name cannot name a unit, or null.</summary>
    public static string? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength ? $"Tên đơn vị phải có từ 1 đến {MaxNameLength} ký tự." : null;

    public static string NormalizeCode(string code) => code.Trim().ToUpperInvariant();

    private static string RequireCode(string code) =>
        CheckCode(code) is { } error ? throw new DomainException(error) : NormalizeCode(code);

    private static string RequireName(string name) =>
        CheckName(name) is { } error ? throw new DomainException(error) : name.Normalize(System.Text.NormalizationForm.FormC).Trim();
}
