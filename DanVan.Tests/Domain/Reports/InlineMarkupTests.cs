using DanVan.Domain.Reports;
using DanVan.Domain.Reports.Document;

namespace DanVan.Tests.Domain.Reports;

/// <summary>The emphasis markup of section texts: *italic*, **bold**, ***both***; anything unpaired prints as typed.</summary>
public class InlineMarkupTests
{
    private static string Show(string text) =>
        string.Join("|", InlineMarkup.Parse(text).Select(s => s.Style == RunStyle.Normal ? s.Text : $"{s.Style}:{s.Text}"));

    [Theory]
    [InlineData("(*Quyết định số 26/QĐ-VP ngày 17/02/2021*).", "(|Italic:Quyết định số 26/QĐ-VP ngày 17/02/2021|).")]
    [InlineData("là **{HS.TONG}** hồ sơ", "là |Bold:{HS.TONG}| hồ sơ")]
    [InlineData("***cả hai*** và thường", "BoldItalic:cả hai| và thường")]
    [InlineData("**đậm *và nghiêng***", "Bold:đậm |BoldItalic:và nghiêng")]
    [InlineData("*nghiêng **và đậm***", "Italic:nghiêng |BoldItalic:và đậm")]
    [InlineData("góp phần *hoàn thành tốt.*", "góp phần |Italic:hoàn thành tốt.")]
    public void Markers_become_styles(string text, string expected) => Assert.Equal(expected, Show(text));

    [Theory]
    [InlineData("5 * 3 = 15")]
    [InlineData("ghi chú*")]
    [InlineData("*chưa đóng")]
    [InlineData("**** bốn dấu")]
    [InlineData("a ** b")]
    [InlineData("")]
    public void Unpaired_markers_print_as_typed(string text)
    {
        Assert.Equal(text, InlineMarkup.Plain(text));
        Assert.All(InlineMarkup.Parse(text), s => Assert.Equal(RunStyle.Normal, s.Style));
    }

    [Fact]
    public void A_backslash_keeps_an_asterisk()
    {
        Assert.Equal("*không nghiêng*", InlineMarkup.Plain(@"\*không nghiêng\*"));
        Assert.Equal("Normal", InlineMarkup.Parse(@"\*không nghiêng\*").Single().Style.ToString());
    }

    [Fact]
    public void A_marker_opens_before_a_word_and_closes_after_one()
    {
        Assert.Equal("a |Italic:b * c| d", Show("a *b * c* d"));
        Assert.Equal("* a*", InlineMarkup.Plain("* a*"));
    }
}
