using DanVan.Domain.Common;
using DanVan.Domain.Reports;

namespace DanVan.Tests.Domain.Reports;

/// <summary>A template version is edited only as a draft; the outline keeps its numbering derived and three levels deep.</summary>
public class TemplateDraftTests
{
    private static ReportTemplate Draft()
    {
        var t = ReportTemplate.Create("T", 2, "Đề cương", "Trích yếu", "Mở đầu", "Kết thúc", DateTimeOffset.UnixEpoch);
        t.AddSection("a", null, "MỤC A", null, null);
        t.AddSection("a.1", "a", "Một", null, null);
        t.AddSection("a.2", "a", "Hai", null, null);
        t.AddSection("a.2.x", "a.2", "Ích", null, null);
        t.AddSection("b", null, "MỤC B", null, null);
        t.AddAppendixRow(0, "Dòng 1");
        t.AddAppendixRow(1, "Dòng 2");
        t.AddAppendixRow(1, "Dòng 3");
        return t;
    }

    private static string Shape(ReportTemplate t) =>
        string.Join(" ", t.Outline().Select(o => $"{ListLabel(o.Depth, o.Number)}{o.Section.Key}"));

    private static string ListLabel(int depth, int number) => DanVan.Domain.Formatting.ListLabels.ForLevel(depth, number);

    [Fact]
    public void A_new_version_is_a_draft_and_publishing_freezes_it()
    {
        var t = Draft();
        Assert.True(t.IsDraft);
        var stamp = t.ConcurrencyStamp;
        t.Publish("admin", DateTimeOffset.UnixEpoch.AddDays(1));
        Assert.False(t.IsDraft);
        Assert.Equal("admin", t.PublishedBy);
        Assert.NotEqual(stamp, t.ConcurrencyStamp);
        var refused = Assert.Throws<DomainException>(() => t.AddSection("c", null, "MỤC C", null, null));
        Assert.Contains("đã phát hành", refused.Message);
        Assert.Throws<DomainException>(() => t.UpdateSection("a", "A", null, null, false));
        Assert.Throws<DomainException>(() => t.MoveSection("b", -1));
        Assert.Throws<DomainException>(() => t.RemoveSection("b"));
        Assert.Throws<DomainException>(() => t.AddAppendixRow(0, "x"));
        Assert.Throws<DomainException>(() => t.SetTexts("N", "T", "", ""));
        Assert.Throws<DomainException>(() => t.Publish("admin", DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Sections_move_among_siblings_and_to_other_parents_with_the_numbering_following()
    {
        var t = Draft();
        Assert.Equal("I.a 1.a.1 2.a.2 a)a.2.x II.b", Shape(t));
        t.MoveSection("a.2", -1);
        Assert.Equal("I.a 1.a.2 a)a.2.x 2.a.1 II.b", Shape(t));
        t.MoveSection("a.2", -1); // already first: nothing happens
        t.MoveSectionUnder("a.2", "b");
        Assert.Equal("I.a 1.a.1 II.b 1.a.2 a)a.2.x", Shape(t));
        t.MoveSectionUnder("a.1", null);
        Assert.Equal("I.a II.b 1.a.2 a)a.2.x III.a.1", Shape(t));
        Assert.Equal(["a", "b", "a.1"], t.ChildrenOf(null).Select(s => s.Key).ToArray());
        Assert.Equal([1, 2, 3], t.ChildrenOf(null).Select(s => s.Order).ToArray());
    }

    [Fact]
    public void The_outline_stays_three_levels_deep_and_never_loops()
    {
        var t = Draft();
        Assert.Contains("ba cấp", Assert.Throws<DomainException>(() => t.AddSection("x", "a.2.x", "Quá sâu", null, null)).Message);
        Assert.Contains("ba cấp", Assert.Throws<DomainException>(() => t.MoveSectionUnder("a.2", "a.1")).Message); // a.2.x would be 4th level
        Assert.Contains("chính nó", Assert.Throws<DomainException>(() => t.MoveSectionUnder("a", "a.2")).Message);
        Assert.Contains("chính nó", Assert.Throws<DomainException>(() => t.MoveSectionUnder("a", "a")).Message);
        t.MoveSectionUnder("a.1", "a.2");
        Assert.Equal(2, t.DepthOf("a.1"));
    }

    [Fact]
    public void A_section_with_sub_items_is_not_removed_and_the_rest_renumber()
    {
        var t = Draft();
        Assert.Contains("còn 1 mục con", Assert.Throws<DomainException>(() => t.RemoveSection("a.2")).Message);
        t.RemoveSection("a.1");
        Assert.Equal("I.a 1.a.2 a)a.2.x II.b", Shape(t));
        Assert.Equal(1, t.Section("a.2")!.Order);
    }

    [Fact]
    public void Section_titles_texts_and_writers_change_and_keys_are_suggested_from_titles()
    {
        var t = Draft();
        t.UpdateSection("a.1", "", "Đoạn\r\nhai dòng", 7, runIn: true);
        var s = t.Section("a.1")!;
        Assert.Equal(("", "Đoạn\nhai dòng", (int?)7, true), (s.Title, s.DefaultText, s.WriterUnitId, s.RunIn));
        Assert.Throws<DomainException>(() => t.UpdateSection("a.1", " ", null, null, runIn: false));

        Assert.Equal("a.congtacdanvantaicoso", t.SuggestKey("a", "Công tác dân vận tại cơ sở"));
        Assert.Equal("dethidua", t.SuggestKey(null, "Đề: thi đua!"));
        t.AddSection("a.mot", "a", "Một", null, null);
        Assert.Equal("a.mot2", t.SuggestKey("a", "Một"));
        Assert.True(ReportTemplate.IsValidKey("ketqua.ttpvhcc.hoso"));
        Assert.False(ReportTemplate.IsValidKey("có dấu"));
        Assert.False(ReportTemplate.IsValidKey(".a"));
    }

    [Fact]
    public void Appendix_rows_are_changed_moved_and_removed_by_place()
    {
        var t = Draft();
        t.UpdateAppendixRow(2, 0, "Dòng hai");
        t.MoveAppendixRow(3, -1);
        Assert.Equal(["Dòng 1", "Dòng 3", "Dòng hai"], t.Appendix().Select(r => r.Text).ToArray());
        t.RemoveAppendixRow(1);
        Assert.Equal([(1, "Dòng 3"), (2, "Dòng hai")], t.Appendix().Select(r => (r.Order, r.Text)).ToArray());
        Assert.Throws<DomainException>(() => t.UpdateAppendixRow(1, 2, "x"));
        Assert.Throws<DomainException>(() => t.UpdateAppendixRow(1, 0, " "));
        Assert.Throws<DomainException>(() => t.RemoveAppendixRow(9));
    }
}
