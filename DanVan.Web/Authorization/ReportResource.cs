namespace DanVan.Web.Authorization;

/// <summary>The resource "the report of a period".</summary>
public sealed record ReportResource(int? PeriodId);
