using System.Text.Json;
using DanVan.Domain.Reports.Document;
using DanVan.Tests.Support;
using DanVan.Web.Features.Reports;

namespace DanVan.Tests.Reports;

/// <summary>
/// An issued report is served from its snapshot for ever: a committed version-1 snapshot (the model report 876/BC-VP as
/// issued, Snapshots/report-snapshot-v1.json, written by ReportSnapshot.Serialize(SeedReport.Document) on 2026-12-04)
/// must still read, render and say the same. Never regenerate it: a model change that breaks it needs version 2.
/// </summary>
public sealed class ReportSnapshotTests
{
    private static string V1 => RepositoryFiles.Read("DanVan.Tests", "Reports", "Snapshots", "report-snapshot-v1.json");

    [Fact]
    public void A_committed_version_1_snapshot_reads_and_renders_with_every_figure_of_the_model_report()
    {
        var document = ReportSnapshot.Deserialize(V1);

        var text = SeedReport.Collapse(SeedReport.Renderer.Html(document, _ => null));
        foreach (var figure in SeedReport.Figures) Assert.Contains(figure, text);
    }

    [Fact]
    public void A_version_1_snapshot_reads_back_to_the_same_snapshot()
    {
        var document = ReportSnapshot.Deserialize(V1);
        var differences = new List<string>();
        SameOrEmptyAdditions(System.Text.Json.Nodes.JsonNode.Parse(V1), System.Text.Json.Nodes.JsonNode.Parse(ReportSnapshot.Serialize(document)), "$", differences);
        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(10)));
    }

    /// <summary>
    /// Everything the version-1 file holds reads back unchanged; members added to the model since then may appear only
    /// empty (a new optional part of the document, such as the units' explanations).
    /// </summary>
    private static void SameOrEmptyAdditions(System.Text.Json.Nodes.JsonNode? old, System.Text.Json.Nodes.JsonNode? now, string path, List<string> differences)
    {
        switch (old)
        {
            case System.Text.Json.Nodes.JsonObject o when now is System.Text.Json.Nodes.JsonObject n:
                foreach (var (key, value) in o) SameOrEmptyAdditions(value, n[key], $"{path}.{key}", differences);
                // "note" is derived from what the file holds (a computed figure is "Tính tự động"), not new data.
                foreach (var (key, value) in n.Where(m => !o.ContainsKey(m.Key) && m.Key != "note"))
                {
                    if (value is not (null or System.Text.Json.Nodes.JsonArray { Count: 0 }) && value?.ToJsonString() is not ("false" or "0" or "\"\""))
                        differences.Add($"{path}.{key}: new member not empty: {value?.ToJsonString()}");
                }
                break;
            case System.Text.Json.Nodes.JsonArray a when now is System.Text.Json.Nodes.JsonArray n && a.Count == n.Count:
                for (var i = 0; i < a.Count; i++) SameOrEmptyAdditions(a[i], n[i], $"{path}[{i}]", differences);
                break;
            default:
                if (old?.ToJsonString() != now?.ToJsonString()) differences.Add($"{path}: {old?.ToJsonString()} → {now?.ToJsonString()}");
                break;
        }
    }

    [Fact]
    public void A_snapshot_names_its_schema_version_and_a_bare_document_from_before_the_envelope_still_reads()
    {
        using var written = JsonDocument.Parse(ReportSnapshot.Serialize(SeedReport.Document));
        Assert.Equal(ReportSnapshot.SchemaVersion, written.RootElement.GetProperty("schemaVersion").GetInt32());

        var bare = written.RootElement.GetProperty("document").GetRawText();
        Assert.Equal(Normalize(ReportSnapshot.Serialize(ReportSnapshot.Deserialize(bare))), Normalize(written.RootElement.GetRawText()));
    }

    [Fact]
    public void A_snapshot_of_an_unknown_schema_version_is_refused_not_misread()
    {
        var future = """{"schemaVersion": 2, "document": {}}""";
        Assert.Throws<NotSupportedException>(() => ReportSnapshot.Deserialize(future));
    }

    private static string Normalize(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);
}
