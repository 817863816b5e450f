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
if (args.Length == 2 && args[0] == "--write")
{
    ReportBenchmarks.Write(args[1]);
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

    /// <summary>Writes the model report's exports into a folder, to look at them or check them with other tools.</summary>
    public static void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var renderer = new ReportRenderer();
        var document = Build("model");
        File.WriteAllBytes(Path.Combine(folder, "model.pdf"), renderer.Pdf(document));
        File.WriteAllBytes(Path.Combine(folder, "model.docx"), renderer.Docx(document));
        File.WriteAllBytes(Path.Combine(folder, "model.xlsx"), renderer.Xlsx(document));
        File.WriteAllText(Path.Combine(folder, "model.html"), renderer.Html(document, _ => null));
    }

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
