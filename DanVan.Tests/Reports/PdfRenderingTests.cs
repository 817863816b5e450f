using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace DanVan.Tests.Reports;

public class PdfRenderingTests
{
    private const double TopMargin = 20 * 72 / 25.4;

    private static (List<Page> Pages, string Text) Read()
    {
        using var pdf = PdfDocument.Open(SeedReport.Pdf);
        var pages = pdf.GetPages().ToList();
        var text = new StringBuilder();
        foreach (var page in pages)
        {
            // Drop the page number in the top margin so a paragraph crossing a page reads on.
            var words = page.GetWords().Where(w => page.Number == 1 || w.BoundingBox.Bottom < page.Height - TopMargin);
            text.Append(string.Join(' ', words.Select(w => w.Text))).Append(' ');
        }
        return (pages, SeedReport.Collapse(text.ToString()));
    }

    [Fact]
    public void The_pdf_holds_every_figure_heading_and_date()
    {
        var (_, text) = Read();
        foreach (var figure in SeedReport.Figures) Assert.Contains(figure, text);
        Assert.Contains("Quảng Ngãi, ngày 07 tháng 6 năm 2021", text);
        Assert.Contains("Số: 876/BC-VP", text);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text);
        Assert.Contains("IV. NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN 6 THÁNG CUỐI NĂM 2021", text);
        Assert.Contains("(Kèm theo Báo cáo số 876/BC-VP ngày 07/6/2021 của Văn phòng UBND tỉnh)", text);
        Assert.Contains("g) Đánh giá mức độ hài lòng của tổ chức, cá nhân khi thực hiện TTHC:", text);
        Assert.Contains("- Lưu: VT, HCTC.", text);
        Assert.DoesNotContain("V. NHIỆM VỤ", text.Replace("IV. NHIỆM VỤ", ""));
    }

    [Fact]
    public void The_text_extracts_as_NFC_Vietnamese()
    {
        var (_, text) = Read();
        Assert.True(text.IsNormalized(NormalizationForm.FormC));
        Assert.Contains("Trung tâm Phục vụ hành chính công tỉnh", text);
        Assert.Contains("Phạm Xuân Duệ", text);
    }

    [Fact]
    public void Page_numbers_start_on_page_two_centred_in_the_top_margin()
    {
        var (pages, _) = Read();
        Assert.True(pages.Count >= 8, $"{pages.Count} pages");
        var first = pages[0];
        Assert.DoesNotContain(first.GetWords(), w => w.BoundingBox.Bottom > first.Height - TopMargin);
        foreach (var page in pages.Skip(1))
        {
            var top = page.GetWords().Where(w => w.BoundingBox.Bottom > page.Height - TopMargin).ToList();
            var number = Assert.Single(top);
            Assert.Equal(page.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), number.Text);
            Assert.InRange(number.BoundingBox.Centroid.X, page.Width / 2 - 5, page.Width / 2 + 5);
        }
    }

    [Fact]
    public void The_page_is_A4_and_the_fonts_are_embedded_Liberation_Serif()
    {
        var (pages, _) = Read();
        Assert.All(pages, p =>
        {
            Assert.InRange(p.Width, 595, 596);
            Assert.InRange(p.Height, 841, 842);
        });
        var fonts = pages.SelectMany(p => p.Letters).Select(l => l.FontName ?? "").Distinct().ToList();
        Assert.All(fonts, f => Assert.Contains("LiberationSerif", f.Replace(" ", "")));
        Assert.Contains(fonts, f => f.Contains("Bold"));
        Assert.Contains(fonts, f => f.Contains("Italic"));
        var raw = Encoding.Latin1.GetString(SeedReport.Pdf);
        Assert.Contains("/FontFile2", raw);
    }

    [Fact]
    public void The_appendix_starts_on_a_new_page_and_the_body_text_stays_in_the_margins()
    {
        var (pages, _) = Read();
        var appendixPage = pages.Single(p => p.GetWords().Any(w => w.Text == "PHỤ"));
        var firstBody = appendixPage.GetWords().Where(w => w.BoundingBox.Bottom < appendixPage.Height - TopMargin).ToList();
        Assert.Equal("PHỤ LỤC SỐ LIỆU", string.Join(' ', firstBody.Take(4).Select(w => w.Text))); // content order: the first words drawn
        var left = 30 * 72 / 25.4;
        var right = pages[0].Width - 15 * 72 / 25.4;
        foreach (var page in pages)
        {
            foreach (var w in page.GetWords())
            {
                Assert.True(w.BoundingBox.Left >= left - 0.5, $"page {page.Number}: “{w.Text}” at {w.BoundingBox.Left}");
                // The advance of the last letter, not its ink: an italic "y" leans a little past its advance.
                var end = w.Letters[^1].EndBaseLine.X;
                Assert.True(end <= right + 0.5, $"page {page.Number}: “{w.Text}” ends at {end}");
            }
        }
    }

    [Fact]
    public void Pdf_info_names_the_report_and_the_agency()
    {
        using var pdf = PdfDocument.Open(SeedReport.Pdf);
        Assert.Equal("Văn phòng UBND tỉnh", pdf.Information.Author);
        Assert.StartsWith("BÁO CÁO Thực hiện công tác dân vận chính quyền", pdf.Information.Title);
    }

    [Fact]
    public void A_figure_table_repeats_its_header_after_a_page_break()
    {
        var doc = global::DanVan.Domain.Reports.Document.DocumentBuilder.Build(SeedReport.Inputs with { IncludeFigureTable = true });
        using var pdf = PdfDocument.Open(SeedReport.Renderer.Pdf(doc));
        var pages = pdf.GetPages().ToList();
        var tablePages = pages.SkipWhile(p => !p.GetWords().Any(w => w.Text == "BIỂU")).ToList();
        Assert.True(tablePages.Count >= 2);
        Assert.All(tablePages, p => Assert.Contains(p.GetWords(), w => w.Text == "Giá"));
        var text = SeedReport.Collapse(string.Join(' ', tablePages.SelectMany(p => p.GetWords()).Select(w => w.Text)));
        Assert.Contains("HS.TONG", text);
        Assert.Contains("50.003", text);
    }

    [Fact]
    public async Task Reports_render_in_parallel_to_the_same_bytes_length_and_text()
    {
        using var reference = PdfDocument.Open(SeedReport.Pdf);
        var expected = SeedReport.Collapse(string.Join(' ', reference.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)));
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => SeedReport.Renderer.Pdf(SeedReport.Document))));
        foreach (var bytes in results)
        {
            using var pdf = PdfDocument.Open(bytes);
            Assert.Equal(expected, SeedReport.Collapse(string.Join(' ', pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text))));
        }
    }
}
