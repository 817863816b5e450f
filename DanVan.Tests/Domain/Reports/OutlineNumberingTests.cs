using DanVan.Domain.Reports;

namespace DanVan.Tests.Domain.Reports;

/// <summary>The one numbering of the outline and the appendix, whatever order the sections are stored in.</summary>
public class OutlineNumberingTests
{
    private static ReportTemplate Template()
    {
        var t = ReportTemplate.Create("T", 1, "Đề cương", "Trích yếu", "Mở đầu", "Kết thúc", DateTimeOffset.UnixEpoch);
        t.AddSection("a", null, "MỤC A", null, null);
        t.AddSection("b", null, "MỤC B", null, null);
        t.AddSection("b.1", "b", "Một", null, null);
        t.AddSection("b.2", "b", "Hai", null, null);
        t.AddSection("b.2.x", "b.2", "Ích", null, null);
        t.AddSection("b.2.y", "b.2", "Ý", null, null);
        t.AddAppendixRow(0, "Dòng 1");
        t.AddAppendixRow(1, "Dòng 2");
        t.AddAppendixRow(0, "Dòng 3");
        return t;
    }

    [Fact]
    public void Labels_full_labels_and_depths_follow_the_outline()
    {
        var numbering = Template().Numbering();

        Assert.Equal(["I.", "II.", "1.", "2.", "a)", "b)"], numbering.Items.Select(i => i.Label));
        Assert.Equal(["I", "II", "II.1", "II.2", "II.2.a", "II.2.b"], numbering.Items.Select(i => i.FullLabel));
        Assert.Equal("II.2.b)", numbering.Find("b.2.y")!.CitedLabel);
        Assert.Equal("II.", numbering.Find("b")!.CitedLabel);
        Assert.Equal([0, 0, 1, 1, 2, 2], numbering.Items.Select(i => i.Depth));
        Assert.Equal("", numbering.FullLabel("unknown"));
        Assert.Equal(int.MaxValue, numbering.Position("unknown"));
    }

    [Fact]
    public void The_order_sections_arrive_in_does_not_change_the_numbering()
    {
        var t = Template();
        var shuffled = OutlineNumbering.Of(t.Sections.Reverse());

        Assert.Equal(t.Numbering().Items.Select(i => (i.Section.Key, i.FullLabel, i.Position)),
            shuffled.Items.Select(i => (i.Section.Key, i.FullLabel, i.Position)));
    }

    [Fact]
    public void Appendix_rows_of_level_zero_are_numbered_and_the_others_are_dashes()
    {
        Assert.Equal(["1.", "-", "2."], OutlineNumbering.AppendixLabels(Template().Appendix()));
    }
}
