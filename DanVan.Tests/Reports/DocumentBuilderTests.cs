using System.Text.Json;
using System.Text.RegularExpressions;
using DanVan.Domain.Formatting;
using DanVan.Domain.Periods;
using DanVan.Domain.Reports.Document;

namespace DanVan.Tests.Reports;

public partial class DocumentBuilderTests
{
    private static ReportDocument Doc => SeedReport.Document;
    private static string Text => SeedReport.Collapse(Doc.PlainText());

    [Fact]
    public void Level_zero_headings_are_I_to_IV_upper_case_and_there_is_no_V()
    {
        var top = Doc.BlocksOf<HeadingBlock>().Where(h => h.Level == 0).ToList();
        Assert.Equal(["I.", "II.", "III.", "IV."], top.Select(h => h.Label));
        Assert.Equal("IV. NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN 6 THÁNG CUỐI NĂM 2021", top[3].Text);
        Assert.Equal("I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO TRIỂN KHAI", top[0].Text);
        Assert.All(top, h => Assert.Equal(RunStyle.Bold, h.Style));
        Assert.DoesNotContain(Doc.Blocks, b => b is HeadingBlock { Label: "V." } or ParagraphBlock { Label: "V." });
    }

    [Fact]
    public void Section_II_has_items_1_to_8_exactly_once()
    {
        var labels = LevelOneLabels("ketqua");
        Assert.Equal(["1.", "2.", "3.", "4.", "5.", "6.", "7.", "8."], labels);
    }

    [Fact]
    public void Section_IV_items_are_numbered_paragraphs_1_to_7()
    {
        var items = Doc.BlocksOf<ParagraphBlock>().Where(p => p.SectionKey?.StartsWith("nhiemvu.", StringComparison.Ordinal) == true && p.Label is not null).ToList();
        Assert.Equal(["1.", "2.", "3.", "4.", "5.", "6.", "7."], items.Select(p => p.Label));
        Assert.StartsWith("1. Tiếp tục tổ chức thực hiện Chương trình hành động", items[0].Text);
    }

    [Fact]
    public void Items_of_II_3_are_lettered_in_Vietnamese_order()
    {
        var labels = Doc.Blocks
            .Select(b => b switch
            {
                HeadingBlock h when h.SectionKey.StartsWith("ketqua.ttpvhcc.", StringComparison.Ordinal) => h.Label,
                ParagraphBlock p when p.SectionKey?.StartsWith("ketqua.ttpvhcc.", StringComparison.Ordinal) == true => p.Label,
                _ => null,
            })
            .OfType<string>()
            .ToList();
        Assert.Equal(["a)", "b)", "c)", "d)", "đ)", "e)", "g)"], labels);
    }

    [Fact]
    public void Run_in_items_print_label_title_and_text_and_untitled_ones_only_the_label()
    {
        var titled = Doc.BlocksOf<ParagraphBlock>().Single(p => p.SectionKey == "ketqua.tiepdan.tiepcongdan" && p.Label is not null);
        Assert.StartsWith("a) Tiếp công dân: Trong 06 tháng đầu năm 2021", titled.Text);
        var untitled = Doc.BlocksOf<ParagraphBlock>().Single(p => p.SectionKey == "ketqua.tthc.kehoach");
        Assert.StartsWith("a) Trên cơ sở nhiệm vụ được UBND tỉnh giao", untitled.Text);
        Assert.Equal(RunStyle.Normal, untitled.LabelStyle);
    }

    [Fact]
    public void Every_figure_of_the_model_report_is_printed_formatted()
    {
        var text = Text;
        foreach (var figure in SeedReport.Figures) Assert.Contains(figure, text);
        Assert.Contains("trong đó có 01 đoàn đông người", text);
        Assert.Contains("Đảng ủy: 02", text);
        Assert.DoesNotContain("72%", text);
        Assert.DoesNotContain("{", text);
    }

    [Fact]
    public void Figures_are_figure_runs_with_their_codes()
    {
        var runs = Doc.BlocksOf<ParagraphBlock>().SelectMany(p => p.Runs).OfType<FigureRun>().ToList();
        Assert.Contains(runs, r => r is { Code: "HS.TONG", Text: "50.003", IsMissing: false });
        Assert.Contains(runs, r => r is { Code: "HS.SO.TYLE.DUNGHAN", Text: "98,6%" });
        Assert.Contains(runs, r => r is { Code: "GS.CUOC", Text: VietnameseFormat.Missing, IsMissing: true });
    }

    [Fact]
    public void Header_title_and_dates_use_the_one_report_date()
    {
        var header = Doc.BlocksOf<HeaderBlock>().Single();
        Assert.Equal("UBND TỈNH QUẢNG NGÃI", header.ParentAgency);
        Assert.Equal("VĂN PHÒNG", header.Agency);
        Assert.Equal("Số: 876/BC-VP", header.NumberLine);
        Assert.Equal("Quảng Ngãi, ngày 07 tháng 6 năm 2021", header.PlaceAndDate);
        var title = Doc.BlocksOf<TitleBlock>().Single();
        Assert.Equal("BÁO CÁO", title.DocumentType);
        Assert.Equal("Thực hiện công tác dân vận chính quyền 6 tháng đầu năm 2021, nhiệm vụ trọng tâm 6 tháng cuối năm 2021", title.Summary);
        var appendix = Doc.BlocksOf<AppendixBlock>().Single();
        Assert.Equal("PHỤ LỤC SỐ LIỆU", appendix.Title);
        Assert.Equal("(Kèm theo Báo cáo số 876/BC-VP ngày 07/6/2021 của Văn phòng UBND tỉnh)", appendix.Subtitle);
        Assert.DoesNotContain("17/6/2021", Text);
    }

    [Fact]
    public void Opening_cites_the_request_and_closing_ends_the_body()
    {
        var paragraphs = Doc.BlocksOf<ParagraphBlock>().ToList();
        Assert.StartsWith("Theo đề nghị của Sở Nội vụ tại Công văn số 1315/SNV-XDCQ ngày 10/6/2021 về việc", paragraphs[0].Text);
        Assert.Equal("Văn phòng UBND tỉnh báo cáo và đề nghị Sở Nội vụ tổng hợp/.", paragraphs.Last(p => p.SectionKey is null).Text);
    }

    [Fact]
    public void Appendix_rows_are_numbered_1_to_6_with_dash_sub_lines()
    {
        var lines = Doc.BlocksOf<AppendixBlock>().Single().Lines;
        Assert.Equal(["1.", "2.", "3.", "4.", "5.", "6."], lines.Where(l => l.Level == 0).Select(l => l.Label));
        Assert.All(lines.Where(l => l.Level == 1), l => Assert.Equal("-", l.Label));
        Assert.Contains(lines, l => l.Text == "- Kết quả giải quyết các vụ khiếu kiện phức tạp, đông người, kéo dài: 02 vụ/02 vụ, đạt 100,0%."); // a computed rate keeps its decimal
        Assert.Contains(lines, l => l.Text == "- Trung tâm Phục vụ hành chính công cấp tỉnh: Có.");
        Assert.Contains(lines, l => l.Text == "- Kết quả xử lý giải quyết đơn thư khiếu nại: … đơn/… đơn, đạt …");
    }

    [Fact]
    public void Missing_codes_are_listed()
    {
        Assert.Contains("GS.CUOC", Doc.MissingCodes);
        Assert.Contains("KN.TONG", Doc.MissingCodes);
        Assert.DoesNotContain("HS.TONG", Doc.MissingCodes);
        Assert.Empty(Doc.UnknownCodes);
        Assert.Contains(Doc.Figures, f => f is { Code: "KN.TONG", IsMissing: true, Formatted: VietnameseFormat.Missing });
    }

    [Fact]
    public void Signature_and_recipients_follow_the_format()
    {
        var signature = Doc.BlocksOf<SignatureBlock>().Single();
        Assert.Equal(["CHÁNH VĂN PHÒNG"], signature.TitleLines);
        Assert.Equal("Phạm Xuân Duệ", signature.Name);
        var recipients = Doc.BlocksOf<RecipientsBlock>().Single();
        Assert.Equal("- Sở Nội vụ;", recipients.Lines[2]);
        Assert.Equal("- Lưu: VT, HCTC.", recipients.Lines[^1]);
        Assert.All(recipients.Lines.SkipLast(1), l => Assert.Matches("^- .+;$", l));
    }

    [Fact]
    public void Signing_on_behalf_prints_the_prefix_and_the_deputy_title()
    {
        var inputs = SeedReport.Inputs with
        {
            Metadata = SeedReport.Inputs.Metadata with
            {
                SignerAuthority = global::DanVan.Domain.Reports.SignerAuthority.OnBehalf, DeputyTitle = "Phó Chánh Văn phòng", SignerName = "Nguyễn Văn A",
            },
        };
        var signature = DocumentBuilder.Build(inputs).BlocksOf<SignatureBlock>().Single();
        Assert.Equal(["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"], signature.TitleLines);
    }

    [Fact]
    public void Compiler_text_overrides_the_narrative_and_the_default()
    {
        var texts = new Dictionary<string, string>(SeedReport.Inputs.CompilerTexts) { ["ketqua.ttpvhcc.buuchinh"] = "Đã nhận {HS.BUUCHINH.NHAN} hồ sơ." };
        var doc = DocumentBuilder.Build(SeedReport.Inputs with { CompilerTexts = texts });
        var p = doc.BlocksOf<ParagraphBlock>().Single(b => b.SectionKey == "ketqua.ttpvhcc.buuchinh");
        Assert.Equal("d) Kết quả tiếp nhận hồ sơ, trả kết quả giải quyết TTHC qua dịch vụ bưu chính: Đã nhận 3.328 hồ sơ.", p.Text);
    }

    [Fact]
    public void A_section_without_any_text_prints_an_ellipsis()
    {
        var narratives = SeedReport.Inputs.Narratives.Where(n => n.Key != "ketqua.tthc.baocao").ToDictionary();
        var doc = DocumentBuilder.Build(SeedReport.Inputs with { Narratives = narratives });
        Assert.Equal("c) …", doc.BlocksOf<ParagraphBlock>().Single(b => b.SectionKey == "ketqua.tthc.baocao").Text);
    }

    [Fact]
    public void Unknown_codes_print_an_ellipsis_and_are_listed()
    {
        var texts = new Dictionary<string, string>(SeedReport.Inputs.CompilerTexts) { ["ketqua.danvankheo"] = "Có {KHONG.CO} mô hình." };
        var doc = DocumentBuilder.Build(SeedReport.Inputs with { CompilerTexts = texts });
        Assert.Equal(["KHONG.CO"], doc.UnknownCodes);
        Assert.Contains("Có … mô hình.", doc.PlainText());
    }

    [Fact]
    public void Building_twice_gives_the_same_document_and_it_round_trips_through_json()
    {
        var again = DocumentBuilder.Build(SeedReport.Inputs);
        Assert.Equal(Doc.PlainText(), again.PlainText());
        var json = JsonSerializer.Serialize(Doc);
        var back = JsonSerializer.Deserialize<ReportDocument>(json)!;
        Assert.Equal(Doc.PlainText(), back.PlainText());
        Assert.Equal(Doc.Blocks.Count, back.Blocks.Count);
    }

    [Theory]
    [InlineData("2021-H1", "6 tháng cuối năm 2021")]
    [InlineData("2021-9M", "3 tháng cuối năm 2021")]
    [InlineData("2021-Y", "năm 2022")]
    [InlineData("2021-Q2", "quý III năm 2021")]
    [InlineData("2021-Q4", "quý I năm 2022")]
    [InlineData("2021-M06", "tháng 7 năm 2021")]
    [InlineData("2021-M12", "tháng 01 năm 2022")]
    [InlineData("2021-M01", "tháng 02 năm 2021")]
    public void Period_remainder_names_what_is_left(string period, string expected) =>
        Assert.Equal(expected, PeriodText.Remainder(PeriodCode.Parse(period)));

    [Theory]
    [InlineData("Văn phòng UBND tỉnh", "UBND tỉnh Quảng Ngãi", "Văn phòng")]
    [InlineData("Sở Nội vụ", "UBND tỉnh Quảng Ngãi", "Sở Nội vụ")]
    [InlineData("Văn phòng", "UBND tỉnh Quảng Ngãi", "Văn phòng")]
    [InlineData("Văn phòng UBND tỉnh Quảng Ngãi", "UBND tỉnh Quảng Ngãi", "Văn phòng")]
    public void The_header_drops_the_part_of_the_agency_that_repeats_its_parent(string agency, string parent, string expected) =>
        Assert.Equal(expected, DocumentBuilder.HeaderAgencyName(agency, parent));

    [Fact]
    public void Recipient_lines_are_punctuated_and_the_archive_comes_last()
    {
        Assert.Equal(["- Sở Nội vụ;", "- Ban Dân vận Tỉnh ủy;", "- Lưu: VT, HCTC."],
            DocumentBuilder.RecipientLines(["Lưu VT, HCTC", "- Sở Nội vụ", "Ban Dân vận Tỉnh ủy;"]));
        Assert.Equal(["- Sở Nội vụ;", "- Lưu: VT."], DocumentBuilder.RecipientLines(["Sở Nội vụ."]));
    }

    private static List<string> LevelOneLabels(string parentKey)
    {
        var keys = SeedReport.Inputs.Template.Sections.Where(s => s.ParentKey == parentKey).Select(s => s.Key).ToHashSet();
        return Doc.Blocks
            .Select(b => b switch
            {
                HeadingBlock h when keys.Contains(h.SectionKey) => h.Label,
                ParagraphBlock p when p.SectionKey is not null && keys.Contains(p.SectionKey) && p.Label is not null => p.Label,
                _ => null,
            })
            .OfType<string>()
            .Where(l => NumberLabel().IsMatch(l))
            .ToList();
    }

    [GeneratedRegex(@"^\d+\.$")]
    private static partial Regex NumberLabel();
}
