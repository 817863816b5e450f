using DanVan.Domain.Reports;
using DanVan.Domain.Reports.Document;

namespace DanVan.Tests.Reports;

public class ReportLintTests
{
    private static DocumentInputs Inputs => SeedReport.Inputs;

    private static DocumentInputs WithText(string key, string text) =>
        Inputs with { CompilerTexts = new Dictionary<string, string>(Inputs.CompilerTexts) { [key] = text } };

    [Fact]
    public void The_model_report_is_flagged_for_31_April_and_the_request_dated_after_it()
    {
        var warnings = ReportLint.Check(Inputs);
        Assert.Contains(warnings, w => w.Severity == LintSeverity.Error && w.Message.Contains("31/4/2019") && w.SectionKey == "ketqua.daoduc.kyluat");
        Assert.Contains(warnings, w => w.Severity == LintSeverity.Error && w.Message.Contains("1315/SNV-XDCQ") && w.Message.Contains("10/6/2021")
            && w.Message.Contains("07/6/2021"));
        Assert.Contains(warnings, w => w.Message.Contains("GS.CUOC"));
        Assert.DoesNotContain(warnings, w => w.Message.Contains("ngoài khoảng gửi"));
        Assert.DoesNotContain(warnings, w => w.Message.Contains("Chưa nhập"));
        // A document cited with the report's own date is fine (Báo cáo số 804/BC-VP ngày 07/6/2021).
        Assert.DoesNotContain(warnings, w => w.Message.Contains("804/BC-VP"));
    }

    [Theory]
    [InlineData("theo Quyết định số 31/QĐ-VP ngày 31/4/2019.", true)]
    [InlineData("ngày 29/2/2021 đã họp.", true)]
    [InlineData("ngày 29/02/2020 đã họp.", false)]
    [InlineData("ngày 31 tháng 4 năm 2019 đã họp.", true)]
    [InlineData("ngày 30 tháng 4 năm 2019 đã họp.", false)]
    [InlineData("Nghị định số 04/2015/NĐ-CP ngày 09/01/2015.", false)]
    [InlineData("giai đoạn 2021-2025, ISO 9001:2015.", false)]
    [InlineData("ngày 0/5/2021.", true)]
    [InlineData("ngày 12/13/2021.", true)]
    public void Dates_that_do_not_exist_are_errors(string text, bool flagged)
    {
        var warnings = ReportLint.Check(WithText("ketqua.danvankheo", text));
        Assert.Equal(flagged, warnings.Any(w => w.Message.Contains("không có thật") && w.SectionKey == "ketqua.danvankheo"));
    }

    [Theory]
    [InlineData("theo Kế hoạch số 12/KH-VP ngày 08/6/2021.", true)]
    [InlineData("theo Kế hoạch số 12/KH-VP ngày 07/6/2021.", false)]
    [InlineData("theo Kế hoạch số 12/KH-VP ngày 10 tháng 6 năm 2021.", true)]
    [InlineData("theo Kế hoạch số 12/KH-VP, ngày 01/7/2021.", true)]
    [InlineData("tính đến ngày 30/6/2021 (không phải văn bản).", false)]
    public void Documents_cited_with_a_date_after_the_report_are_errors(string text, bool flagged)
    {
        var warnings = ReportLint.Check(WithText("ketqua.danvankheo", text));
        Assert.Equal(flagged, warnings.Any(w => w.Message.Contains("12/KH-VP") && w.Message.Contains("sau ngày báo cáo")));
    }

    [Fact]
    public void The_send_window_runs_from_30_days_before_the_cutoff_end_to_the_send_deadline()
    {
        var (from, to) = ReportLint.SendWindow(Inputs.Period);
        Assert.Equal(new DateOnly(2021, 5, 15), from);
        Assert.Equal(new DateOnly(2021, 6, 20), to);
        foreach (var (date, flagged) in new[] { (new DateOnly(2021, 5, 14), true), (from, false), (to, false), (new DateOnly(2021, 6, 21), true) })
        {
            var warnings = ReportLint.Check(Inputs with { Metadata = Inputs.Metadata with { Date = date } });
            Assert.Equal(flagged, warnings.Any(w => w.Message.Contains("ngoài khoảng gửi báo cáo")));
        }
    }

    [Fact]
    public void Missing_metadata_is_reported()
    {
        var empty = Inputs with { Metadata = ReportMetadata.Empty with { Recipients = ["Lưu: VT, HCTC."] } };
        var messages = ReportLint.Check(empty).Where(w => w.Severity == LintSeverity.Error).Select(w => w.Message).ToList();
        foreach (var what in new[] { "số, ký hiệu", "ngày ban hành", "địa danh", "cơ quan chủ quản", "cơ quan ban hành", "chức vụ người ký", "họ tên người ký", "nơi nhận" })
            Assert.Contains(messages, m => m.Contains(what, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Empty_sections_are_warnings()
    {
        var narratives = Inputs.Narratives.Where(n => n.Key != "ketqua.tthc.baocao").ToDictionary();
        var warnings = ReportLint.Check(Inputs with { Narratives = narratives });
        Assert.Contains(warnings, w => w.Severity == LintSeverity.Warning && w.SectionKey == "ketqua.tthc.baocao" && w.Message.Contains("II.2.c)"));
    }
}
