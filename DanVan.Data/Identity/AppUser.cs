using Microsoft.AspNetCore.Identity;

namespace DanVan.Data.Identity;

public class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";
    public bool IsDisabled { get; set; }
    public List<UserUnit> Units { get; set; } = [];
}

/// <summary>A unit whose figures a staff user may read and write.</summary>
public class UserUnit
{
    public string UserId { get; set; } = "";
    public int UnitId { get; set; }
}
