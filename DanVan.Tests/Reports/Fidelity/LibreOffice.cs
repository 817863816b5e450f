using DanVan.Tests.Support;

namespace DanVan.Tests.Reports.Fidelity;

/// <summary>
/// Opens a DOCX in LibreOffice (headless, a fresh profile) and prints it to PDF, as a clerk's office suite would.
/// Times New Roman resolves to the Liberation Serif 2.1.5 faces the portal ships (DanVan.Web/Fonts), through a
/// fontconfig file that adds that folder to the system's fonts, so the test needs no font package.
/// </summary>
internal static class LibreOffice
{
    public static byte[] ConvertToPdf(byte[] docx)
    {
        var folder = Directory.CreateTempSubdirectory("danvan-soffice-").FullName;
        try
        {
            var input = Path.Combine(folder, "report.docx");
            File.WriteAllBytes(input, docx);
            var fontConfig = Path.Combine(folder, "fonts.conf");
            File.WriteAllText(fontConfig, $"""
                <?xml version="1.0"?>
                <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
                <fontconfig>
                  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
                  <dir>{Path.Combine(RepositoryFiles.Root, "DanVan.Web", "Fonts")}</dir>
                  <cachedir>{Path.Combine(folder, "fontcache")}</cachedir>
                </fontconfig>
                """);
            var environment = new Dictionary<string, string> { ["FONTCONFIG_FILE"] = fontConfig, ["HOME"] = folder };
            var (exitCode, output) = ExternalTool.Run("soffice", TimeSpan.FromMinutes(3), environment,
                "-env:UserInstallation=" + new Uri(Path.Combine(folder, "profile")).AbsoluteUri,
                "--headless", "--convert-to", "pdf", "--outdir", folder, input);
            var pdf = Path.Combine(folder, "report.pdf");
            Assert.True(exitCode == 0 && File.Exists(pdf), $"soffice exited with {exitCode}: {output}");
            return File.ReadAllBytes(pdf);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
