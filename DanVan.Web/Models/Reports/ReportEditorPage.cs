using System.ComponentModel.DataAnnotations;
using DanVan.Web.Services.Reports;

namespace DanVan.Web.Models.Reports;

public sealed record ReportEditorPage(ReportView View, MetadataForm Form, bool CanEdit, bool CanApprove, string? Message, string? MessageKind,
    IReadOnlyDictionary<string, string[]>? Errors);

/// <summary>The metadata form; the date is typed as yyyy-MM-dd by the browser's date input and parsed by us.</summary>
public sealed class MetadataForm
{
    [StringLength(64)] [Display(Name = "Số, ký hiệu")] public string? Number { get; set; }
    [StringLength(10)] [Display(Name = "Ngày báo cáo")] public string? Date { get; set; }
    [StringLength(128)] [Display(Name = "Địa danh")] public string? Place { get; set; }
    [StringLength(256)] [Display(Name = "Cơ quan chủ quản")] public string? ParentAgency { get; set; }
    [StringLength(256)] [Display(Name = "Cơ quan ban hành")] public string? Agency { get; set; }
    [StringLength(1000)] [Display(Name = "Văn bản đề nghị (căn cứ)")] public string? RequestReference { get; set; }
    [StringLength(12000)] [Display(Name = "Nơi nhận (mỗi dòng một nơi)")] public string? Recipients { get; set; }
    [StringLength(8)] [Display(Name = "Thẩm quyền ký")] public string? SignerAuthority { get; set; }
    [StringLength(256)] [Display(Name = "Chức vụ người đứng đầu")] public string? SignerTitle { get; set; }
    [StringLength(256)] [Display(Name = "Chức vụ người ký thay")] public string? DeputyTitle { get; set; }
    [StringLength(256)] [Display(Name = "Họ tên người ký")] public string? SignerName { get; set; }
}
