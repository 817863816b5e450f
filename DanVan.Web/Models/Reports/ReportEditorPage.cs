using DanVan.Domain.Reports;
using System.ComponentModel.DataAnnotations;
using DanVan.Web.Services.Reports;

namespace DanVan.Web.Models.Reports;

public sealed record ReportEditorPage(ReportView View, MetadataForm Form, bool CanEdit, bool CanApprove, string? Message, string? MessageKind,
    IReadOnlyDictionary<string, string[]>? Errors)
{
    /// <summary>Why the last move was refused, one line each.</summary>
    public IReadOnlyList<string> Refusals { get; init; } = [];
    public bool CanWithdraw { get; init; }
    public bool CanRevoke { get; init; }

    /// <summary>The current user signs the step due now.</summary>
    public bool CanSign { get; init; }
}

/// <summary>The metadata form; the date is typed as yyyy-MM-dd by the browser's date input and parsed by us.</summary>
public sealed class MetadataForm
{
    [StringLength(Report.MaxNumberLength)] [Display(Name = "Số, ký hiệu")] public string? Number { get; set; }
    [StringLength(10)] [Display(Name = "Ngày báo cáo")] public string? Date { get; set; }
    [StringLength(Report.MaxPlaceLength)] [Display(Name = "Địa danh")] public string? Place { get; set; }
    [StringLength(Report.MaxAgencyLength)] [Display(Name = "Cơ quan chủ quản")] public string? ParentAgency { get; set; }
    [StringLength(Report.MaxAgencyLength)] [Display(Name = "Cơ quan ban hành")] public string? Agency { get; set; }
    [StringLength(Report.MaxRequestReferenceLength)] [Display(Name = "Văn bản đề nghị (căn cứ)")] public string? RequestReference { get; set; }
    [StringLength(Report.MaxRecipients * Report.MaxRecipientLength)] [Display(Name = "Nơi nhận (mỗi dòng một nơi)")] public string? Recipients { get; set; }
    [StringLength(8)] [Display(Name = "Thẩm quyền ký")] public string? SignerAuthority { get; set; }
    [StringLength(Report.MaxSignerLength)] [Display(Name = "Chức vụ người đứng đầu")] public string? SignerTitle { get; set; }
    [StringLength(Report.MaxSignerLength)] [Display(Name = "Chức vụ người ký thay")] public string? DeputyTitle { get; set; }
    [StringLength(Report.MaxSignerLength)] [Display(Name = "Họ tên người ký")] public string? SignerName { get; set; }
}
