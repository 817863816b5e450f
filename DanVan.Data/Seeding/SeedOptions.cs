namespace DanVan.Data.Seeding;

/// <summary>Configuration section "Seed".</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";
    public const string DemoPassword = "DanVan-Demo-2021";

    /// <summary>Demo users, periods and figures. Resolved at start-up: on in Development, off elsewhere unless set.</summary>
    public bool Demo { get; set; }

    /// <summary>First administrator of a non-demo instance (e.g. from environment variables); ignored once one exists.</summary>
    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }
}

public static class DemoUsers
{
    public sealed record DemoUser(string Email, string FullName, string Role, string? UnitCode);

    public static readonly IReadOnlyList<DemoUser> All =
    [
        new("admin@danvan.local", "Quản trị hệ thống", Domain.Organization.Roles.Admin, null),
        new("tonghop@danvan.local", "Nguyễn Thị Tổng Hợp", Domain.Organization.Roles.Compiler, null),
        new("lanhdao@danvan.local", "Phạm Xuân Duệ", Domain.Organization.Roles.Leader, null),
        new("btcd@danvan.local", "Cán bộ Ban Tiếp công dân", Domain.Organization.Roles.UnitStaff, "BTCD"),
        new("ttpvhcc@danvan.local", "Cán bộ Trung tâm PVHCC", Domain.Organization.Roles.UnitStaff, "TTPVHCC"),
        new("kstthc@danvan.local", "Cán bộ Phòng KSTTHC", Domain.Organization.Roles.UnitStaff, "KSTTHC"),
        new("hctc@danvan.local", "Cán bộ Phòng HCTC", Domain.Organization.Roles.UnitStaff, "HCTC"),
        new("vanthu@danvan.local", "Lê Thị Văn Thư", Domain.Organization.Roles.Clerk, null),
    ];
}
