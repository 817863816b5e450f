using System.Text.Json;
using DanVan.Data.Templates;

namespace DanVan.Data.Seeding;

public static class SeedResources
{
    public const string TemplateResource = "DanVan.Data.Seeding.Resources.template-dvcq.json";
    public const string DemoResource = "DanVan.Data.Seeding.Resources.demo-2021-H1.json";

    public static TemplateDocument Template()
    {
        using var stream = Open(TemplateResource);
        return TemplateImporter.Read(stream);
    }

    public static DemoDocument Demo()
    {
        using var stream = Open(DemoResource);
        return JsonSerializer.Deserialize<DemoDocument>(stream, TemplateDocument.JsonOptions)
            ?? throw new InvalidOperationException("The demo resource is empty.");
    }

    private static Stream Open(string name) =>
        typeof(SeedResources).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"Missing embedded resource {name}.");
}
