namespace DanVan.Web.Services.Admin.Periods;

public sealed record PeriodRow(
    string Code, string Name, DateOnly CutoffFrom, DateOnly CutoffTo, DateOnly UnitDeadline, DateOnly SendDeadline,
    string TemplateCode, int TemplateVersion, bool IsLocked, bool IsIllustrative, int Units, int Sent, int Accepted);
