namespace DanVan.Web.Models.Home;

public sealed record ErrorViewModel(string TraceId, int StatusCode)
{
    public string Title => StatusCode switch
    {
        400 => "Yêu cầu không hợp lệ",
        403 => "Bạn không có quyền truy cập trang này",
        404 => "Không tìm thấy trang",
        413 => "Tệp gửi lên quá lớn",
        _ => "Đã có lỗi xảy ra",
    };
}
