using Microsoft.AspNetCore.Identity;

namespace DanVan.Data.Identity;

public class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";
    public bool IsDisabled { get; set; }
    public List<UserUnit> Units { get; set; } = [];

    /// <summary>
    /// Set for a password someone else knew (the bootstrap admin's from configuration) or an account waiting for its
    /// set-password link: the user is sent to the change-password page and the API refuses them until it changes.
    /// </summary>
    public bool MustChangePassword { get; set; }

    /// <summary>Last change of the account by an admin or by the user (password), for the admin's list.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

/// <summary>A unit whose figures a staff user may read and write.</summary>
public class UserUnit
{
    public string UserId { get; set; } = "";
    public int UnitId { get; set; }
}
