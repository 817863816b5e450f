namespace DanVan.Web.Services.Admin.Periods;

/// <summary>What creating a period from a kind and a year would give, shown before it is saved.</summary>
public sealed record PeriodPreview(
    string Code, string Kind, int Year, string Name, DateOnly CutoffFrom, DateOnly CutoffTo, DateOnly UnitDeadline,
    DateOnly SendDeadline, string? TemplateName, int? TemplateVersion, int Units, bool Exists);
