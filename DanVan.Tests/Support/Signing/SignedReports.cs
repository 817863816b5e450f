using DanVan.Tests.Reports;

namespace DanVan.Tests.Support.Signing;

/// <summary>The model report as handed out and as signed by pdfsig, made once per run: the leader's signature, then
/// the agency's on top of it (what the văn thư is handed is the leader-signed file).</summary>
public static class SignedReports
{
    private static readonly Lazy<byte[]> LazyLeader = new(() => TestPki.Shared.SignWithPdfsig(HandedOut, TestPki.LeaderNick));
    private static readonly Lazy<byte[]> LazyAgency = new(() => TestPki.Shared.SignWithPdfsig(LeaderSigned, TestPki.AgencyNick));

    /// <summary>The approved model report, rendered by the portal's PDF renderer.</summary>
    public static byte[] HandedOut => SeedReport.Pdf;

    public static byte[] LeaderSigned => LazyLeader.Value;

    public static byte[] AgencySigned => LazyAgency.Value;

    /// <summary>The handed-out file signed with another key of the PKI.</summary>
    public static byte[] SignedBy(string nick) => TestPki.Shared.SignWithPdfsig(HandedOut, nick);
}
