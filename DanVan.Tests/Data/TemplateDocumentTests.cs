using System.Text.Json;
using DanVan.Data.Seeding;
using DanVan.Data.Templates;
using DanVan.Domain.Reports;

namespace DanVan.Tests.Data;

/// <summary>The template file: export(import(x)) is x, and import refuses what would break a version, saying why.</summary>
public class TemplateDocumentTests
{
    private static readonly IReadOnlyDictionary<string, int> UnitIds =
        SeedResources.Demo().Units.Select((u, i) => (u.Code, Id: i + 1)).ToDictionary(x => x.Code, x => x.Id);

    private static readonly IReadOnlySet<string> UnitCodes = UnitIds.Keys.ToHashSet();

    private static string Canonical(TemplateDocument doc) => JsonSerializer.Serialize(doc, TemplateDocument.JsonOptions);

    private static TemplateDocument RoundTrip(TemplateDocument doc)
    {
        var imported = TemplateImporter.Build(doc, UnitIds, DateTimeOffset.UnixEpoch);
        return TemplateExporter.Export(imported.Template, imported.Indicators.Select(f => f(0)).ToList(), imported.Rules.Select(f => f(0)).ToList(),
            UnitIds.ToDictionary(u => u.Value, u => u.Key));
    }

    [Fact]
    public void Exporting_an_imported_seed_gives_the_seed_back()
    {
        var seed = SeedResources.Template();
        Assert.Equal(Canonical(seed), Canonical(RoundTrip(seed)));
    }

    [Fact]
    public void Retired_indicators_travel_in_the_file_and_only_they_carry_the_flag()
    {
        var seed = SeedResources.Template();
        var doc = seed with { Indicators = [.. seed.Indicators.Select(i => i.Code == "DON.TYLE.DUDK" ? i with { Retired = true } : i)] };
        var back = RoundTrip(doc);
        Assert.Equal(Canonical(doc), Canonical(back));
        var json = Canonical(back);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(json, "\"retired\""));
    }

    [Fact]
    public void A_valid_file_passes_and_each_kind_of_damage_is_named()
    {
        var seed = SeedResources.Template();
        Assert.Empty(TemplateImporter.Validate(seed, UnitCodes));

        var broken = seed with
        {
            Code = "có dấu",
            Name = "",
            Indicators =
            [
                .. seed.Indicators.Select(i => i.Code switch
                {
                    "VB.CT" => i with { Code = "VB CT" },
                    "VB.QD" => i with { Kind = "number" },
                    "HS.SO.TYLE.DUNGHAN" => i with { Formula = "HS.SO.TYLE.DUNGHAN * 2" },
                    "DON.TYLE.DUDK" => i with { Retired = true },
                    "VB.TB" => i with { Name = new string('x', 1001) },
                    _ => i,
                }),
                null!,
            ],
            Sections = [.. seed.Sections, new SectionDocument("sau", "Sâu", null, null, false, [new("sau.1", "1", null, null, false, [new("sau.1.a", "a", null, null, false, [new("sau.1.a.i", "i", null, null, false, null)])])])],
            Rules = [.. seed.Rules, new RuleDocument("R.MOI", "DON.TONG", "=", "DON.TYLE.DUDK", "error", "")],
        };
        var errors = TemplateImporter.Validate(broken, UnitCodes);
        Assert.Contains(errors, e => e.StartsWith("Mã đề cương “có dấu” không hợp lệ"));
        Assert.Contains("Thiếu tên đề cương (name).", errors);
        Assert.Contains(errors, e => e.StartsWith("Mã chỉ tiêu “VB CT” không hợp lệ"));
        Assert.Contains("Chỉ tiêu VB.QD: loại “number” không hợp lệ (count, percent, yesno, text).", errors);
        Assert.Contains("Công thức tạo vòng lặp (chỉ tiêu tính từ chính nó): HS.SO.TYLE.DUNGHAN → HS.SO.TYLE.DUNGHAN.", errors);
        Assert.Contains("Tên chỉ tiêu VB.TB dài quá 1000 ký tự.", errors);
        Assert.Contains("Danh sách chỉ tiêu có phần tử rỗng (null).", errors);
        Assert.Contains("Mục “sau.1.a.i” ở cấp thứ 4: đề cương chỉ có ba cấp (I., 1., a)).", errors);
        Assert.Contains("Quy tắc R.MOI (vế phải): chỉ tiêu “DON.TYLE.DUDK” (vị trí 1) đã ngừng sử dụng.", errors);
        Assert.Contains("Quy tắc R.MOI chưa có thông báo (message).", errors);
        Assert.Throws<TemplateImportException>(() => TemplateImporter.Build(broken, UnitIds, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void A_file_with_nulls_where_lists_and_texts_should_be_is_refused_not_crashed_on()
    {
        var doc = TemplateImporter.Read(new MemoryStream("""{ "code": "DVCQ", "version": 1, "title": "T", "sections": [null], "rules": [null], "appendix": [null] }"""u8.ToArray()));
        var errors = TemplateImporter.Validate(doc, UnitCodes);
        Assert.Contains("Thiếu tên đề cương (name).", errors);
        Assert.Contains("Đề cương có mục rỗng (null).", errors);
        Assert.Contains("Danh sách quy tắc có phần tử rỗng (null).", errors);
        Assert.Contains("Phụ lục có dòng rỗng (null).", errors);
    }

    [Fact]
    public void The_built_template_is_a_draft_until_published()
    {
        var imported = TemplateImporter.Build(SeedResources.Template(), UnitIds, DateTimeOffset.UnixEpoch);
        Assert.True(imported.Template.IsDraft);
        Assert.Equal(ReportTemplate.MaxDepth, imported.Template.Outline().Max(o => o.Depth));
    }
}
