using DanVan.Domain.Signing;

namespace DanVan.Web.Features.ReportSigning;

public enum SigningOutcome
{
    Ok,
    NotFound,
    Forbidden,
    /// <summary>The report is not where this step can happen (409).</summary>
    Conflict,
    /// <summary>A one-time URL already used or expired (410).</summary>
    Gone,
    /// <summary>The file failed verification (422); nothing was stored.</summary>
    Refused,
}

/// <summary>The hand-off's answer: the one-time URLs, the verification of an upload, or why not (Vietnamese).</summary>
public sealed record SigningResult(SigningOutcome Outcome, string? Message = null)
{
    public SignatureVerification? Verification { get; init; }
    public SessionUrls? Urls { get; init; }

    public static SigningResult NotFound { get; } = new(SigningOutcome.NotFound, "Không tìm thấy.");
    public static SigningResult Forbidden { get; } = new(SigningOutcome.Forbidden, "Bạn không có quyền ký bước này.");
    public static SigningResult Conflict(string message) => new(SigningOutcome.Conflict, message);
    public static SigningResult Gone(string message) => new(SigningOutcome.Gone, message);
    public static SigningResult Verified(SignatureVerification v) =>
        new(v.Ok ? SigningOutcome.Ok : SigningOutcome.Refused, v.FailureMessage) { Verification = v };
}

/// <summary>What the signing tool is given: fetch the file here, post it back signed there, before this time.</summary>
public sealed record SessionUrls(string DownloadUrl, string UploadUrl, DateTimeOffset ExpiresAt);

/// <summary>The file handed out for a step.</summary>
public sealed record HandedOutFile(byte[] Content, string FileName);
