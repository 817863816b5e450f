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
if (args.Length == 3 && args[0] == "--compare-words")
{
    // PdfPig's words (text and box to 0.01 pt) of two PDFs: a renderer change must not move or change any.
    var a = ReportBenchmarks.Words(args[1]);
    var b = ReportBenchmarks.Words(args[2]);
    var diff = a.Zip(b).Count(p => p.First != p.Second) + Math.Abs(a.Count - b.Count);
    Console.WriteLine($"{a.Count} and {b.Count} words, {diff} differ");
    foreach (var (x, y) in a.Zip(b).Where(p => p.First != p.Second).Take(3)) Console.WriteLine($"  {x}\n  {y}");
    return;
}
if (args.Length == 2 && args[0] == "--loop")
{
    // For a profiler (perf with DOTNET_PerfMapEnabled=1, dotnet-trace): renders the model's PDF N times.
    var renderer = new ReportRenderer();
    var document = ReportBenchmarks.Build("model");
    var count = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
    for (var i = 0; i < Math.Min(50, count); i++) renderer.Pdf(document);
    var bytes = GC.GetAllocatedBytesForCurrentThread();
    var clock = System.Diagnostics.Stopwatch.StartNew();
    for (var i = 0; i < count; i++) renderer.Pdf(document);
    Console.WriteLine($"{clock.Elapsed.TotalMilliseconds / count:0.00} ms, {(GC.GetAllocatedBytesForCurrentThread() - bytes) / count / 1048576.0:0.00} MB per PDF");
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

    public static List<string> Words(string file)
    {
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(file);
        return pdf.GetPages().SelectMany(p => p.GetWords().Select(w =>
            FormattableString.Invariant($"{p.Number} {w.Text} {w.BoundingBox.Left:0.00} {w.BoundingBox.Bottom:0.00} {w.BoundingBox.Right:0.00} {w.FontName?[(w.FontName.IndexOf('+') + 1)..]}"))).ToList();
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
