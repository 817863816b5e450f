using DanVan.Data.Seeding;
using DanVan.Data.Templates;
using DanVan.Domain.Common;
using DanVan.Domain.Reports;

namespace DanVan.Tests.Reports;

public class OutlineTitleRuleTests
{
    private static ReportTemplate Template() =>
        ReportTemplate.Create("T", 1, "Đề cương", "Trích yếu", "Mở đầu", "Kết thúc", DateTimeOffset.UnixEpoch);

    [Fact]
    public void Only_a_run_in_section_may_have_an_empty_title()
    {
        var template = Template();
        template.AddSection("a", null, "MỤC A", null, null);
        Assert.Equal("", template.AddSection("a.1", "a", "", "Đoạn văn.", null, runIn: true).Title);
        Assert.Throws<DomainException>(() => template.AddSection("a.2", "a", " ", "Đoạn văn.", null, runIn: false));
    }

    [Fact]
    public void The_importer_accepts_empty_titles_only_for_run_in_sections()
    {
        var seed = SeedResources.Template();
        var units = SeedResources.Demo().Units.Select(u => u.Code).ToHashSet();
        Assert.Empty(TemplateImporter.Validate(seed, units));

        var broken = seed with
        {
            Sections = [.. seed.Sections.Select((s, i) => i == 0 ? s with { Title = "" } : s)],
        };
        Assert.Contains(TemplateImporter.Validate(broken, units), e => e.Contains("lanhdao") && e.Contains("tiêu đề"));
    }
}
