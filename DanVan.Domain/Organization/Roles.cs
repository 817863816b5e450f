namespace DanVan.Domain.Organization;

/// <summary>The four roles of DOMAIN.md; names are stable identifiers, labels are Vietnamese.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Compiler = "Compiler";
    public const string Leader = "Leader";
    public const string UnitStaff = "UnitStaff";

    /// <summary>Văn thư: issues the report with the agency's digital signature (Nghị định 30/2020).</summary>
    public const string Clerk = "Clerk";

    public static readonly IReadOnlyList<string> All = [Admin, Compiler, Leader, UnitStaff, Clerk];

    public static string Vietnamese(string role) => role switch
    {
        Admin => "Quản trị",
        Compiler => "Chuyên viên tổng hợp",
        Leader => "Lãnh đạo",
        UnitStaff => "Cán bộ đơn vị",
        Clerk => "Văn thư",
        _ => role,
    };
}
