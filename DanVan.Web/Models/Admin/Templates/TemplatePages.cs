using DanVan.Web.Services.Admin.Templates;

namespace DanVan.Web.Models.Admin.Templates;

/// <summary>A page of one version: the view, the message of the last action, and the form being corrected.</summary>
public sealed record TemplatePage(TemplateView View, string Tab, string? Message, string? MessageKind, IReadOnlyDictionary<string, string>? Errors)
{
    public string? ErrorOf(string field) => Errors is not null && Errors.TryGetValue(field, out var e) ? e : null;
}

public sealed record IndicatorPage(TemplatePage Page, IndicatorRow? Indicator, IndicatorForm Form);

public sealed record RulePage(TemplatePage Page, RuleRow? Rule, RuleForm Form, DryRunResult? DryRun);

public sealed record SectionPage(TemplatePage Page, SectionRow Section, SectionForm Form);

public sealed record VersionsPage(IReadOnlyList<VersionRow> Versions, string? Message, string? MessageKind, IReadOnlyList<string> ImportErrors);
