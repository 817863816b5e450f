using System.Text.Json;
using DanVan.Domain.Reports.Document;

namespace DanVan.Web.Features.Reports;

/// <summary>
/// The issued report's snapshot (Report.SnapshotJson): the <see cref="ReportDocument"/> as it was signed, in an
/// envelope that names its schema version, so that a portal whose document model has moved on still knows what it
/// reads. Version 1 is the document model of 2026-12; a snapshot stored before the envelope (the bare document) is
/// version 1 too. A change to the model that old snapshots cannot be read with needs version 2 and a reader for 1.
/// </summary>
public static class ReportSnapshot
{
    public const int SchemaVersion = 1;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(ReportDocument document) => JsonSerializer.Serialize(new Envelope(SchemaVersion, document), Json);

    public static ReportDocument Deserialize(string json)
    {
        using var parsed = JsonDocument.Parse(json);
        var root = parsed.RootElement;
        var body = root;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("schemaVersion", out var version))
        {
            if (version.GetInt32() != SchemaVersion)
                throw new NotSupportedException($"Report snapshot schema version {version.GetInt32()} is unknown; this portal reads version {SchemaVersion}.");
            body = root.GetProperty("document");
        }
        return body.Deserialize<ReportDocument>(Json) ?? throw new InvalidOperationException("Empty report snapshot.");
    }

    private sealed record Envelope(int SchemaVersion, ReportDocument Document);
}
