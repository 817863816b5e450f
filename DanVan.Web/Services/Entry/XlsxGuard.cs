using System.IO.Compression;
using DanVan.Domain.Formatting;

namespace DanVan.Web.Services.Entry;

/// <summary>Limits for an uploaded workbook. An entry template is a few dozen kilobytes; these leave room for edits.</summary>
public static class ExcelLimits
{
    /// <summary>The largest file accepted (checked on its length, with a clear message).</summary>
    public const long MaxFileBytes = 2 * 1024 * 1024;

    /// <summary>What the server reads at all for an upload request; above it the request is cut off (413).</summary>
    public const long MaxRequestBytes = 8 * 1024 * 1024;

    /// <summary>The most parts a package may have (a template has about a dozen).</summary>
    public const int MaxEntries = 100;

    /// <summary>The most all parts may weigh once decompressed.</summary>
    public const long MaxUncompressedBytes = 20 * 1024 * 1024;

    /// <summary>The highest compression ratio a part may have…</summary>
    public const int MaxCompressionRatio = 100;

    /// <summary>…once it is larger than this (tiny XML parts legitimately compress very well).</summary>
    public const long RatioGraceBytes = 100 * 1024;

    /// <summary>The most rows under the header of the sheet that are read.</summary>
    public const int MaxDataRows = 2000;
}

/// <summary>
/// Cheap checks on an uploaded .xlsx before any spreadsheet library sees it: its signature, and its zip directory
/// and actual content against the size and ratio limits (zip bombs).
/// </summary>
public static class XlsxGuard
{
    public const string Unreadable = "Tệp không đọc được";

    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] CompoundFileSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>Null when the file may be opened; otherwise why not, in Vietnamese.</summary>
    public static string? Inspect(byte[] content)
    {
        if (content.Length == 0) return "Tệp rỗng.";
        if (content.Length > ExcelLimits.MaxFileBytes) return TooLarge(content.Length);
        if (content.AsSpan().StartsWith(CompoundFileSignature))
        {
            return Unreadable + ": đây là tệp Excel cũ (.xls) hoặc tệp đã đặt mật khẩu. "
                + "Hãy lưu lại thành .xlsx (không đặt mật khẩu) rồi tải lên.";
        }
        if (!content.AsSpan().StartsWith(ZipSignature)) return Unreadable + ": nội dung không phải tệp Excel .xlsx.";

        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var entries = zip.Entries;
            if (entries.Count > ExcelLimits.MaxEntries)
                return $"Tệp có quá nhiều thành phần ({entries.Count}), không phải mẫu nhập số liệu.";
            if (entries.Any(IsMacroPart)) return MacroWorkbook;

            long declared = 0;
            foreach (var entry in entries)
            {
                declared += entry.Length;
                if (entry.Length < 0 || declared > ExcelLimits.MaxUncompressedBytes || IsBombLike(entry.Length, entry.CompressedLength))
                    return Bomb;
            }

            // The directory can lie about sizes: inflate every part, counting, and stop at the first excess.
            var buffer = new byte[81920];
            long total = 0;
            foreach (var entry in entries)
            {
                using var stream = entry.Open();
                long actual = 0;
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    actual += read;
                    total += read;
                    if (actual > entry.Length || total > ExcelLimits.MaxUncompressedBytes) return Bomb;
                }
            }
            return null;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
        {
            return Unreadable + ": tệp .xlsx bị hỏng.";
        }
    }

    public static string TooLarge(long length) =>
        $"Tệp quá lớn ({VietnameseFormat.Number(length / 1024m / 1024m, 1)} MB); chỉ nhận tệp tối đa 2 MB.";

    private const string MacroWorkbook =
        "Tệp bị từ chối: đây là tệp Excel có macro (.xlsm hoặc tệp có macro đã đổi tên thành .xlsx). "
        + "Hãy bấm “Tải mẫu Excel” trên trang nhập số liệu, điền vào mẫu đó rồi tải lên.";

    // A workbook saved with macros keeps its VBA project (or an Excel 4 macro sheet) as a part of its own,
    // whatever the file is called.
    private static bool IsMacroPart(ZipArchiveEntry entry) =>
        entry.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)
        || entry.FullName.Contains("macrosheets/", StringComparison.OrdinalIgnoreCase)
        || entry.FullName.EndsWith("vbaProjectSignature.bin", StringComparison.OrdinalIgnoreCase);

    private const string Bomb = "Tệp bị từ chối: nội dung giải nén quá lớn hoặc tỷ lệ nén bất thường (có dấu hiệu “bom nén”).";

    private static bool IsBombLike(long length, long compressed) =>
        length > ExcelLimits.RatioGraceBytes && length > (long)ExcelLimits.MaxCompressionRatio * Math.Max(compressed, 1);
}
