using DanVan.Domain.Reports.Document;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using RunStyle = DanVan.Domain.Reports.Document.RunStyle;
using Run = DocumentFormat.OpenXml.Wordprocessing.Run;
using UglyToad.PdfPig;

namespace DanVan.Tests.Reports.Fidelity;

/// <summary>The model report's italic citations and bold figures, read back from each export.</summary>
public class EmphasisTests
{
    private const string Citation = "Quyết định số 26/QĐ-VP ngày 17/02/2021";
    private const string LongCitation = "Kế hoạch số 21/KH-UBND ngày 03/02/2021";

    [Fact]
    public void The_document_carries_the_models_italic_citations_and_bold_figures()
    {
        var runs = SeedReport.Document.Blocks.OfType<ParagraphBlock>().SelectMany(p => p.Runs).ToList<DanVan.Domain.Reports.Document.Run>();
        Assert.Contains(runs, r => r.Text == Citation && r.Style == RunStyle.Italic);
        Assert.Contains(runs, r => r is FigureRun { Code: "HS.TONG", Text: "50.003" } && r.Style == RunStyle.Bold);
        Assert.DoesNotContain(runs, r => r.Text.Contains('*', StringComparison.Ordinal));
    }

    [Fact]
    public void The_pdf_sets_citations_in_the_italic_face_and_the_parentheses_upright()
    {
        using var pdf = PdfDocument.Open(SeedReport.Pdf);
        var words = pdf.GetPages().SelectMany(p => p.GetWords()).ToList();
        var at = words.FindIndex(w => w.Text == "(Quyết");
        Assert.True(at >= 0, "citation not found");
        var letters = words.Skip(at).Take(6).SelectMany(w => w.Letters).ToList();
        Assert.Equal("(", letters[0].Value);
        Assert.DoesNotContain("Italic", letters[0].FontName);
        Assert.All(letters.Skip(1).Where(l => l.Value != ")" && l.Value != "."), l => Assert.EndsWith("Liberation Serif,Italic", l.FontName));
        var total = words.First(w => w.Text == "50.003");
        Assert.All(total.Letters, l => Assert.EndsWith("Liberation Serif,Bold", l.FontName));
    }

    [Fact]
    public void The_docx_has_italic_and_bold_runs()
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(SeedReport.Docx), false);
        var runs = word.MainDocumentPart!.Document.Body!.Descendants<Run>().ToList();
        var citation = runs.Single(r => r.InnerText == LongCitation);
        Assert.NotNull(citation.RunProperties?.Italic);
        Assert.Null(citation.RunProperties?.Bold);
        var figure = runs.First(r => r.InnerText == "50.003");
        Assert.NotNull(figure.RunProperties?.Bold);
        Assert.DoesNotContain(runs, r => r.InnerText.Contains('*', StringComparison.Ordinal));
    }

    [Fact]
    public void The_html_has_em_and_strong()
    {
        var html = SeedReport.Renderer.Html(SeedReport.Document, _ => null);
        Assert.Contains("(<em>" + Citation + "</em>)", html);
        Assert.Contains("<strong>50.003</strong>", html);
    }
}
