using DanVan.Tests.Support;

namespace DanVan.Tests.Reports.Fidelity;

public class PdfValidityTests
{
    [ToolFact("qpdf", "qpdf")]
    public void The_model_report_passes_qpdf_check_without_a_warning()
    {
        var file = Path.Combine(Path.GetTempPath(), $"danvan-qpdf-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, SeedReport.Pdf);
        try
        {
            var (exitCode, output) = ExternalTool.Run("qpdf", TimeSpan.FromSeconds(60), "--check", file);
            Assert.DoesNotContain("WARNING", output, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("No syntax or stream encoding errors found", output);
            Assert.Equal(0, exitCode); // 2: errors, 3: warnings
        }
        finally
        {
            File.Delete(file);
        }
    }
}
