using DanVan.Domain.Signing;

namespace DanVan.Web.Features.ReportSigning;

/// <summary>A signed revision as the report page and API show it.</summary>
public sealed record ReportRevisionView(SignatureInfo Signature, string Sha256, string UploadedBy, DateTimeOffset UploadedAt, long Length);
