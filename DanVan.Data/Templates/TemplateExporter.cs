using DanVan.Domain.Common;
using System.Text.Json;
using DanVan.Domain.Indicators;
using DanVan.Domain.Reports;
using DanVan.Domain.Rules;

namespace DanVan.Data.Templates;

/// <summary>
/// One template version as the JSON document <see cref="TemplateImporter"/> reads: importing an export gives the same
/// version back (outline, appendix, indicators in their order with their units, rules). Retired rules are left out:
/// they have no effect anywhere.
/// </summary>
public static class TemplateExporter
{
    public static TemplateDocument Export(
        ReportTemplate template, IEnumerable<Indicator> indicators, IEnumerable<ValidationRule> rules,
        IReadOnlyDictionary<int, string> unitCodes) => new(
        template.Code,
        template.Version,
        template.Name,
        template.TitleTemplate,
        template.OpeningTemplate,
        template.ClosingTemplate,
        Sections(template, null, unitCodes),
        indicators.OrderBy(i => i.SortOrder).ThenBy(i => i.Id).Select(i => new IndicatorDocument(
            i.Code, i.Name, i.Measure, KindName(i.Kind), unitCodes[i.UnitId], i.GroupKey, i.IsRequired, i.Formula,
            i.IsRetired ? true : null)).ToList(),
        rules.Where(r => !r.IsRetired).OrderBy(r => r.Id).Select(r => new RuleDocument(
            r.Code, r.Left, r.Operator.Symbol(), r.Right, ApiNames.Of(r.Severity), r.Message)).ToList(),
        template.Appendix().Select(r => new AppendixRowDocument(r.Level, r.Text)).ToList());

    public static byte[] ToJson(TemplateDocument document) => JsonSerializer.SerializeToUtf8Bytes(document, TemplateDocument.JsonOptions);

    public static string KindName(ValueKind kind) => ApiNames.Of(kind);

    private static List<SectionDocument> Sections(ReportTemplate template, string? parentKey, IReadOnlyDictionary<int, string> unitCodes) =>
        template.ChildrenOf(parentKey).Select(s => new SectionDocument(
            s.Key, s.Title, s.WriterUnitId is { } w ? unitCodes[w] : null, s.DefaultText, s.RunIn,
            Sections(template, s.Key, unitCodes))).ToList();
}
