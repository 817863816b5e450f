using System.Text.RegularExpressions;
using DanVan.Data.Seeding;
using DanVan.Domain.Reports.Document;
using DanVan.Web.Rendering;

namespace DanVan.Tests.Reports;

/// <summary>The model report 876/BC-VP built from the seed files (no database), rendered once per test run.</summary>
internal static partial class SeedReport
{
    public static readonly ReportRenderer Renderer = new();

    private static readonly Lazy<DocumentInputs> LazyInputs = new(() => SeedReportInputs.Build());
    private static readonly Lazy<ReportDocument> LazyDocument = new(() => DocumentBuilder.Build(Inputs));
    private static readonly Lazy<byte[]> LazyPdf = new(() => Renderer.Pdf(Document));
    private static readonly Lazy<byte[]> LazyDocx = new(() => Renderer.Docx(Document));
    private static readonly Lazy<byte[]> LazyXlsx = new(() => Renderer.Xlsx(Document));

    public static DocumentInputs Inputs => LazyInputs.Value;
    public static ReportDocument Document => LazyDocument.Value;
    public static byte[] Pdf => LazyPdf.Value;
    public static byte[] Docx => LazyDocx.Value;
    public static byte[] Xlsx => LazyXlsx.Value;

    /// <summary>Every figure of DOMAIN.md's tables that the model report prints, as the report must print it.</summary>
    public static readonly string[] Figures =
    [
        "50.003", "30.615", "2.353", "28.262", "28.916", "28.509", "407", "1.699", "98,6%", "1,4%",
        "19.388", "4.058", "15.338", "15.964", "12.154", "3.810", "3.424", "76,1%", "23,9%",
        "12.395", "4.370", "8.025", "8.753", "6.286", "2.467", "3.642", "71,8%", "28,2%",
        "20.782", "20.739", "99,8%", "0,2%", "3.159", "797", "2.362", "7.888", "3.328", "3.019", "447", "427",
        "1.251", "5.316", "2.543", "859", "515", "233", "174", "307", "282", "414", "100%",
    ];

    public static string Collapse(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
