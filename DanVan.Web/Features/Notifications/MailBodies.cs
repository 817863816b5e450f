using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace DanVan.Web.Features.Notifications;

/// <summary>The plain-text and HTML bodies of a notification e-mail (Vietnamese), with the link to the page.</summary>
public static class MailBodies
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Subject(string title) => "[DanVan] " + title;

    public static string Text(string name, string title, string body, string url) =>
        $"Kính gửi {name},\n\n{title}\n\n{body}\n\nXem trên cổng DanVan: {url}\n\n"
        + "Thư này được gửi tự động. Có thể tắt thư theo từng loại thông báo ở trang Tài khoản › Thông báo.\n";

    public static string Html(string name, string title, string body, string url)
    {
        var paragraphs = string.Join("", body.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => $"<p>{Encoder.Encode(line)}</p>"));
        return $"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{Encoder.Encode(title)}</title></head><body>"
            + $"<p>Kính gửi {Encoder.Encode(name)},</p><h1 style=\"font-size:1.2em\">{Encoder.Encode(title)}</h1>{paragraphs}"
            + $"<p><a href=\"{Encoder.Encode(url)}\">Xem trên cổng DanVan</a></p>"
            + "<p style=\"color:#666;font-size:.9em\">Thư này được gửi tự động. Có thể tắt thư theo từng loại thông báo ở trang Tài khoản › Thông báo.</p>"
            + "</body></html>";
    }
}
