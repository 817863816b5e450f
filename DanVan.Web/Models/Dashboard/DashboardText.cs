using DanVan.Domain.Formatting;

namespace DanVan.Web.Models.Dashboard;

/// <summary>The dashboard's figures as Vietnamese text, through <see cref="VietnameseFormat"/> only.</summary>
public static class DashboardText
{
    /// <summary>"50.003", "98,6%", "79,0%" (rates always with one decimal), "…" for a blank.</summary>
    public static string Value(decimal? value, string kind) => value is not { } v
        ? VietnameseFormat.Missing
        : kind switch
        {
            "percent" => VietnameseFormat.ComputedRate(v),
            "yesno" => VietnameseFormat.YesNo(v != 0),
            _ => VietnameseFormat.Number(v, 2),
        };

    /// <summary>"▲ 1.234", "▼ 0,8 điểm %", "không đổi"; "…" when either figure is blank.</summary>
    public static string Change(decimal? change, string kind)
    {
        if (change is not { } c) return VietnameseFormat.Missing;
        if (c == 0) return "không đổi";
        var size = kind == "percent" ? VietnameseFormat.Number(Math.Abs(c), 1) + " điểm %" : VietnameseFormat.Number(Math.Abs(c), 2);
        return (c > 0 ? "▲ " : "▼ ") + size;
    }

    /// <summary>Green when the change is good news, red when bad, grey when the figure has no better direction.</summary>
    public static string ChangeClass(decimal? change, string? better) => change switch
    {
        null or 0 => "text-body-secondary",
        > 0 when better == "up" => "text-success",
        < 0 when better == "down" => "text-success",
        _ when better is null => "text-body-secondary",
        _ => "text-danger",
    };
}
