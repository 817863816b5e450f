using System.IO.Compression;
using DanVan.Web.Services.Entry;

namespace DanVan.Tests.Web.Entry;

public sealed class XlsxGuardTests
{
    private static byte[] Zip(params (string Name, int Zeros)[] entries)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, zeros) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                stream.Write(new byte[zeros]);
            }
        }
        return output.ToArray();
    }

    [Fact]
    public void A_small_part_may_compress_very_well() => Assert.Null(XlsxGuard.Inspect(Zip(("xl/styles.xml", 50 * 1024))));

    [Fact]
    public void A_large_part_compressed_more_than_100_to_1_is_refused() =>
        Assert.Contains("bom nén", XlsxGuard.Inspect(Zip(("xl/worksheets/sheet1.xml", 200 * 1024))));

    [Fact]
    public void Too_much_content_in_total_is_refused_even_at_modest_ratios()
    {
        // 1 MB parts of digits with a little noise compress far less than 100:1; 25 of them are 25 MB in total.
        var random = new Random(7);
        var part = Enumerable.Range(0, 1024 * 1024).Select(i => (byte)(i % 16 == 0 ? '0' + random.Next(10) : '0')).ToArray();
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < 25; i++)
            {
                var entry = zip.CreateEntry($"xl/part{i}.xml", CompressionLevel.Optimal);
                using var stream = entry.Open();
                stream.Write(part);
            }
        }
        var bytes = output.ToArray();
        using (var check = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
        {
            Assert.All(check.Entries, e => Assert.True(e.Length < 100 * e.CompressedLength));
        }
        Assert.True(bytes.Length < ExcelLimits.MaxFileBytes);
        Assert.Contains("bom nén", XlsxGuard.Inspect(bytes));
    }

    [Theory]
    [InlineData("xl/vbaProject.bin")]
    [InlineData("xl/macrosheets/sheet1.xml")]
    public void A_macro_enabled_workbook_renamed_xlsx_is_refused(string macroPart) =>
        Assert.Contains("có macro", XlsxGuard.Inspect(Zip(("[Content_Types].xml", 10), ("xl/workbook.xml", 10), (macroPart, 10))));

    [Fact]
    public void Too_many_parts_are_refused() =>
        Assert.Contains("quá nhiều thành phần", XlsxGuard.Inspect(Zip(Enumerable.Range(0, ExcelLimits.MaxEntries + 1).Select(i => ($"p{i}", 1)).ToArray())));

    [Fact]
    public void An_old_xls_or_password_protected_file_gets_its_own_message()
    {
        byte[] compound = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
        Assert.Contains(".xls", XlsxGuard.Inspect(compound));
    }

    [Theory]
    [InlineData(new byte[0], "rỗng")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3 }, "Tệp không đọc được")]
    [InlineData(new byte[] { 0x3C, 0x3F, 0x78, 0x6D, 0x6C }, "Tệp không đọc được")]
    public void Broken_or_foreign_content_is_refused(byte[] content, string message) =>
        Assert.Contains(message, XlsxGuard.Inspect(content));
}
