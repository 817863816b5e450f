using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;

namespace DanVan.Tests.Reports;

/// <summary>Nghị định 30, Phụ lục I: room between the signer's title and name for the signature and seal images.</summary>
public sealed class SignatureRoomTests
{
    private const double RoomMm = 38;

    private static double Mm(double points) => points * 25.4 / 72;

    [Fact]
    public void The_pdf_leaves_38_mm_between_the_signers_title_and_name_for_the_signature_and_seal()
    {
        using var pdf = PdfDocument.Open(SeedReport.Pdf);
        var name = SeedReport.Inputs.Metadata.SignerName.Split(' ');
        foreach (var page in pdf.GetPages())
        {
            var words = page.GetWords().ToList();
            var first = words.FindIndex(w => w.Text == name[0] && words.Skip(words.IndexOf(w) + 1).Take(name.Length - 1).Select(x => x.Text).SequenceEqual(name.Skip(1)));
            if (first < 0) continue;
            var nameTop = words[first].BoundingBox.Top;
            var title = words.Where(w => w.Text == "PHÒNG" && w.BoundingBox.Bottom > nameTop).MinBy(w => w.BoundingBox.Bottom)!;
            var gap = Mm(title.BoundingBox.Bottom - nameTop);
            Assert.InRange(gap, RoomMm, RoomMm + 8);
            return;
        }
        Assert.Fail("signer's name not found");
    }

    [Fact]
    public void The_docx_signature_cell_has_a_paragraph_of_exactly_38_mm()
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(SeedReport.Docx), false);
        var exact = word.MainDocumentPart!.Document.Body!.Descendants<SpacingBetweenLines>()
            .Where(s => s.LineRule?.Value == LineSpacingRuleValues.Exact).Select(s => int.Parse(s.Line!.Value!)).ToList();
        Assert.Contains(exact, twips => Math.Abs(twips * 25.4 / 1440 - RoomMm) < 0.1);
    }
}
