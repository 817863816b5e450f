using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using DanVan.Data.Seeding;
using DanVan.Domain.Reports.Document;
using DanVan.Web.Rendering;

// Times the three exports of the model report (876/BC-VP) and of a report ten times its size.
// Run: dotnet run -c Release --project bench/DanVan.Bench.Reports
if (args.Contains("--sizes"))
{
    ReportBenchmarks.PrintSizes();
    return;
}
BenchmarkRunner.Run<ReportBenchmarks>(args: args);

[MemoryDiagnoser]
[ShortRunJob]
public class ReportBenchmarks
{
    private readonly ReportRenderer _renderer = new();
    private ReportDocument _document = null!;

    [Params("model", "10x")]
    public string Size { get; set; } = "model";

    [GlobalSetup]
    public void Setup() => _document = Build(Size);

    [Benchmark] public DocumentInputs Inputs() => SeedReportInputs.Build();
    [Benchmark] public ReportDocument Document() => DocumentBuilder.Build(Inputs(Size));
    [Benchmark] public byte[] Pdf() => _renderer.Pdf(_document);
    [Benchmark] public byte[] Docx() => _renderer.Docx(_document);
    [Benchmark] public byte[] Xlsx() => _renderer.Xlsx(_document);

    public static DocumentInputs Inputs(string size)
    {
        var inputs = SeedReportInputs.Build(includeFigureTable: size == "10x");
        if (size != "10x") return inputs;
        // Ten times the text: every section's text repeated ten times as the compiler's text.
        var texts = inputs.Template.Sections
            .Select(s => (s.Key, Text: inputs.SectionText(s)))
            .Where(x => x.Text is not null)
            .ToDictionary(x => x.Key, x => string.Join('\n', Enumerable.Repeat(x.Text!, 10)));
        return inputs with { CompilerTexts = texts };
    }

    public static ReportDocument Build(string size) => DocumentBuilder.Build(Inputs(size));

    public static void PrintSizes()
    {
        var renderer = new ReportRenderer();
        foreach (var size in new[] { "model", "10x" })
        {
            var document = Build(size);
            var pdf = renderer.Pdf(document);
            using var reader = UglyToad.PdfPig.PdfDocument.Open(pdf);
            Console.WriteLine($"{size}: PDF {reader.NumberOfPages} pages, {pdf.Length:N0} bytes; DOCX {renderer.Docx(document).Length:N0} bytes; XLSX {renderer.Xlsx(document).Length:N0} bytes");
        }
    }
}
