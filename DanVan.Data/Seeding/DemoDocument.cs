using System.Text.Json;

namespace DanVan.Data.Seeding;

/// <summary>The organization and the model report's period 2021-H1, as shipped in Resources/demo-2021-H1.json.</summary>
public sealed record DemoDocument(
    DemoAgency Agency,
    IReadOnlyList<DemoUnit> Units,
    string Period,
    Dictionary<string, JsonElement> Values,
    IReadOnlyList<DemoNarrative> Narratives,
    IReadOnlyList<DemoExplanation> Explanations,
    DemoReport Report);

public sealed record DemoAgency(string Code, string Name, string ParentAgency);

public sealed record DemoUnit(string Code, string Name);

public sealed record DemoNarrative(string Section, string Unit, string Text);

public sealed record DemoExplanation(string Unit, string Rule, string Text);

public sealed record DemoReport(
    string Number,
    string Place,
    DateOnly Date,
    string ParentAgency,
    string Agency,
    string RequestReference,
    IReadOnlyList<string> Recipients,
    string? SignerAuthority,
    string SignerTitle,
    string? DeputyTitle,
    string SignerName,
    Dictionary<string, string> Sections);
