using DanVan.Domain.Signing;

namespace DanVan.Tests.Domain.Signing;

public class PdfDateTests
{
    [Theory]
    [InlineData("D:20261204193957+07'00'", "2026-12-04T19:39:57+07:00")]
    [InlineData("D:20261204123957Z", "2026-12-04T12:39:57+00:00")]
    [InlineData("D:20261204123957-05'30", "2026-12-04T12:39:57-05:30")]
    [InlineData("D:2026", "2026-01-01T00:00:00+00:00")]
    [InlineData("20261204", "2026-12-04T00:00:00+00:00")]
    public void Pdf_dates_parse_with_their_offset(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), PdfDate.Parse(text));
    }

    [Theory]
    [InlineData("D:20261332000000Z")]
    [InlineData("D:20X6")]
    [InlineData("D:2026120")]
    [InlineData("D:20261204120000+99'00'")]
    [InlineData(null)]
    public void Malformed_pdf_dates_are_absent(string? text)
    {
        Assert.Null(PdfDate.Parse(text));
    }
}
