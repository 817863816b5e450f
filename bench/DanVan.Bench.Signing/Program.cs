using System.Diagnostics;
using System.Globalization;
using DanVan.Domain.Signing;
using DanVan.Tests.Support.Signing;

// Times SignedPdfVerifier.Verify on the model report (876/BC-VP, 10 pages) signed with pdfsig by the test PKI's
// leader, and on the same file with the agency's signature on top; prints the median, p90 and minimum.
// Run: dotnet run -c Release --project bench/DanVan.Bench.Signing [-- runs]   (bench/smoke.sh runs it with 3)
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var warmUps = Math.Min(20, runs);
var verifier = TestVerifier.Create();
var leader = new ExpectedSigner(SigningStep.Leader, TestPki.LeaderName);
var agency = new ExpectedSigner(SigningStep.Agency, TestPki.AgencySubject);
var cases = new (string Name, byte[] HandedOut, byte[] Uploaded, ExpectedSigner Expected)[]
{
    ("leader signature on the handed-out report", SignedReports.HandedOut, SignedReports.LeaderSigned, leader),
    ("agency signature on the leader-signed report", SignedReports.LeaderSigned, SignedReports.AgencySigned, agency),
};

Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {runs} runs after {warmUps} warm-ups");
Console.WriteLine("| step | file bytes | median | p90 | min | allocated per call |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
foreach (var (name, handedOut, uploaded, expected) in cases)
{
    for (var i = 0; i < warmUps; i++) Check(verifier.Verify(handedOut, uploaded, expected, DateTimeOffset.UtcNow));
    var times = new double[runs];
    var allocated = GC.GetAllocatedBytesForCurrentThread();
    for (var i = 0; i < runs; i++)
    {
        var clock = Stopwatch.StartNew();
        var result = verifier.Verify(handedOut, uploaded, expected, DateTimeOffset.UtcNow);
        times[i] = clock.Elapsed.TotalMilliseconds;
        Check(result);
    }
    var perCall = (GC.GetAllocatedBytesForCurrentThread() - allocated) / runs / 1048576.0;
    Array.Sort(times);
    Console.WriteLine(FormattableString.Invariant(
        $"| {name} | {uploaded.Length:N0} | {times[runs / 2]:0.00} ms | {times[runs * 9 / 10]:0.00} ms | {times[0]:0.00} ms | {perCall:0.0} MB |"));
}

static void Check(SignatureVerification result)
{
    if (!result.Ok) throw new InvalidOperationException("Verification failed: " + result.FailureMessage);
}
