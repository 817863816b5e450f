using System.Text.Json;
using DanVan.Data.Templates;
using DanVan.Domain.Formatting;
using DanVan.Domain.Indicators;
using DanVan.Domain.Periods;
using DanVan.Domain.Reports;
using DanVan.Domain.Reports.Document;

namespace DanVan.Data.Seeding;

/// <summary>
/// The document builder's inputs straight from the seed files, without a database: the template JSON and the demo
/// period (the model report 876/BC-VP). For tests, benchmarks and previews.
/// </summary>
public static class SeedReportInputs
{
    public static DocumentInputs Build(bool includeFigureTable = false) =>
        Build(SeedResources.Template(), SeedResources.Demo(), includeFigureTable);

    public static DocumentInputs Build(TemplateDocument templateDocument, DemoDocument demo, bool includeFigureTable = false)
    {
        var unitIds = new Dictionary<string, int>(StringComparer.Ordinal) { [demo.Agency.Code] = 1 };
        var unitNames = new Dictionary<int, string> { [1] = demo.Agency.Name };
        foreach (var unit in demo.Units)
        {
            var id = unitIds.Count + 1;
            unitIds[unit.Code] = id;
            unitNames[id] = unit.Name;
        }

        var imported = TemplateImporter.Build(templateDocument, unitIds, new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.FromHours(7)));
        const int templateId = 1;
        var indicators = imported.Indicators.Select(f => f(templateId)).ToList();

        var values = new Dictionary<string, FigureInput>(StringComparer.OrdinalIgnoreCase);
        foreach (var indicator in indicators.Where(i => !i.IsComputed))
        {
            if (!demo.Values.TryGetValue(indicator.Code, out var json) || json.ValueKind == JsonValueKind.Null) continue;
            values[indicator.Code] = Read(indicator, json);
        }

        var writers = imported.Template.Sections.ToDictionary(s => s.Key, s => s.WriterUnitId, StringComparer.Ordinal);
        var narratives = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var n in demo.Narratives)
        {
            if (writers.TryGetValue(n.Section, out var writer) && unitIds.TryGetValue(n.Unit, out var unitId) && writer == unitId)
                narratives[n.Section] = n.Text;
        }

        var rules = imported.Rules.Select(f => f(templateId)).ToDictionary(rule => rule.Code, StringComparer.Ordinal);
        var explanations = demo.Explanations
            .Where(e => rules.ContainsKey(e.Rule) && unitIds.ContainsKey(e.Unit))
            .Select(e => UnitExplanation.Of(rules[e.Rule], unitNames[unitIds[e.Unit]], e.Text))
            .ToList();

        var r = demo.Report;
        var metadata = new ReportMetadata(
            r.Number, r.Place, r.Date, r.ParentAgency, r.Agency, r.RequestReference, r.Recipients,
            ReportStateText.ParseAuthority(r.SignerAuthority), r.SignerTitle, r.DeputyTitle, r.SignerName);

        return new DocumentInputs
        {
            Template = imported.Template,
            Period = ReportingPeriod.Create(PeriodCode.Parse(demo.Period), templateId),
            Metadata = metadata,
            Indicators = indicators,
            Values = values,
            Narratives = narratives,
            CompilerTexts = new Dictionary<string, string>(r.Sections, StringComparer.Ordinal),
            UnitNames = unitNames,
            Explanations = explanations,
            IncludeFigureTable = includeFigureTable,
        };
    }

    private static FigureInput Read(Indicator indicator, JsonElement json)
    {
        if (json.ValueKind == JsonValueKind.Number) return new FigureInput(json.GetDecimal());
        var parsed = VietnameseNumberParser.Parse(json.GetString(), indicator.Kind);
        if (!parsed.IsValid) throw new InvalidOperationException($"Demo value of {indicator.Code}: {parsed.Error}");
        return new FigureInput(parsed.Number, parsed.Text);
    }
}
