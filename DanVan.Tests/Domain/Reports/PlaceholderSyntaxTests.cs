using DanVan.Domain.Reports;

namespace DanVan.Tests.Domain.Reports;

public class PlaceholderSyntaxTests
{
    [Fact]
    public void Codes_and_options_are_read_and_reserved_names_are_not_codes()
    {
        var text = "Có {DON.TONG} đơn, {vu.gq:00} vụ trong {period.name} theo {request}; {left} / {right.detail}.";

        Assert.Equal(["DON.TONG", "vu.gq", "period.name", "request", "left", "right.detail"], PlaceholderSyntax.Matches(text).Select(m => m.Name));
        Assert.Equal("00", PlaceholderSyntax.Matches(text).ElementAt(1).Option);
        Assert.Equal(["DON.TONG", "VU.GQ"], PlaceholderSyntax.Codes(text, ruleMessage: true));
        Assert.Equal(["DON.TONG", "VU.GQ", "LEFT", "RIGHT.DETAIL"], PlaceholderSyntax.Codes(text, ruleMessage: false));
    }

    [Fact]
    public void Replace_sees_each_placeholder_once_and_leaves_the_rest_of_the_text()
    {
        Assert.Equal("a [X] b [Y:2] {1bad}", PlaceholderSyntax.Replace("a {X} b {Y:2} {1bad}", m => $"[{m.Name}{(m.Option is null ? "" : ":" + m.Option)}]"));
    }
}
