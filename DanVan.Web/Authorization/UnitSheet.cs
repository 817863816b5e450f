namespace DanVan.Web.Authorization;

/// <summary>The resource "one unit's figures": its entry sheets in every period and its dashboard drill-down.</summary>
public sealed record UnitSheet(int UnitId);
