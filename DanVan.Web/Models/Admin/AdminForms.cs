using System.ComponentModel.DataAnnotations;
using DanVan.Web.Services.Admin.Periods;
using DanVan.Web.Services.Admin.Units;

namespace DanVan.Web.Models.Admin;

/// <summary>Kind and year of a new period; the deadlines only on the confirm step. Text fields: the service judges them.</summary>
public sealed class NewPeriodForm
{
    [Display(Name = "Loại kỳ")]
    public string? Kind { get; set; }

    [Display(Name = "Năm")]
    public string? Year { get; set; }

    [Display(Name = "Hạn đơn vị gửi số liệu")]
    public string? UnitDeadline { get; set; }

    [Display(Name = "Hạn gửi báo cáo")]
    public string? SendDeadline { get; set; }
}

public sealed class DeadlinesForm
{
    [Display(Name = "Hạn đơn vị gửi số liệu")]
    public string? UnitDeadline { get; set; }

    [Display(Name = "Hạn gửi báo cáo")]
    public string? SendDeadline { get; set; }

    [Display(Name = "Lý do (không bắt buộc)")]
    public string? Reason { get; set; }

    public string? Version { get; set; }
}

/// <summary>A change that needs a reason (lock, reopen, retire, restore), with the token of the version shown.</summary>
public sealed class ReasonForm
{
    [Display(Name = "Lý do")]
    public string? Reason { get; set; }

    public string? Version { get; set; }
}

public sealed class NewUnitForm
{
    [Display(Name = "Mã đơn vị")]
    public string? Code { get; set; }

    [Display(Name = "Tên đơn vị")]
    public string? Name { get; set; }

    [Display(Name = "Thuộc đơn vị")]
    public string? ParentCode { get; set; }
}

public sealed class RenameForm
{
    [Display(Name = "Tên mới")]
    public string? Name { get; set; }

    public string? Version { get; set; }
}

public sealed class MoveForm
{
    [Display(Name = "Đơn vị cấp trên mới")]
    public string? ParentCode { get; set; }

    public string? Version { get; set; }
}

public sealed record PeriodNewPage(NewPeriodForm Form, PeriodPreview? Preview);

public sealed record PeriodDetailPage(PeriodDetail Detail, DeadlinesForm Deadlines, ReasonForm Status, string? UnitWithError, string? UnitError);

public sealed record UnitsPage(UnitTree Tree, NewUnitForm Form);

public sealed record UnitDetailPage(UnitDetail Detail, RenameForm Rename, MoveForm Move, ReasonForm Status);

public static class FormVersion
{
    /// <summary>The token a form carries; an unreadable one counts as stale (a new Guid matches no saved row).</summary>
    public static Guid? Parse(string? text) =>
        string.IsNullOrEmpty(text) ? null : Guid.TryParse(text, out var version) ? version : Guid.NewGuid();
}
