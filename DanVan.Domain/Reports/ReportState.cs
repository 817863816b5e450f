namespace DanVan.Domain.Reports;

public enum ReportState
{
    /// <summary>Dự thảo.</summary>
    Draft = 0,
    /// <summary>Trình duyệt.</summary>
    PendingApproval = 1,
    /// <summary>Đã ban hành.</summary>
    Issued = 2,
    /// <summary>Đã duyệt, chờ ký: frozen with its SHA-256, waiting for the signatures Signing:Required asks for.</summary>
    AwaitingSignature = 3,
    /// <summary>Đã thu hồi: kept with its files; a new draft of the period replaces it.</summary>
    Revoked = 4,
}

public enum SignerAuthority
{
    None = 0,
    /// <summary>KT. (ký thay)</summary>
    OnBehalf = 1,
    /// <summary>TL. (thừa lệnh)</summary>
    ByOrder = 2,
    /// <summary>TM. (thay mặt)</summary>
    OnBehalfOfCollective = 3,
    /// <summary>Q. (quyền)</summary>
    Acting = 4,
}

public static class ReportStateText
{
    public static string Vietnamese(this ReportState state) => state switch
    {
        ReportState.Draft => "Dự thảo",
        ReportState.PendingApproval => "Trình duyệt",
        ReportState.Issued => "Đã ban hành",
        ReportState.AwaitingSignature => "Đã duyệt, chờ ký",
        ReportState.Revoked => "Đã thu hồi",
        _ => state.ToString(),
    };

    public static string Prefix(this SignerAuthority authority) => authority switch
    {
        SignerAuthority.OnBehalf => "KT.",
        SignerAuthority.ByOrder => "TL.",
        SignerAuthority.OnBehalfOfCollective => "TM.",
        SignerAuthority.Acting => "Q.",
        _ => "",
    };

    /// <summary>The inverse of <see cref="Prefix"/>: "KT.", "TL.", "TM.", "Q." or blank; anything else is a FormatException.</summary>
    public static SignerAuthority ParseAuthority(string? prefix) => prefix?.Trim() switch
    {
        "KT." => SignerAuthority.OnBehalf,
        "TL." => SignerAuthority.ByOrder,
        "TM." => SignerAuthority.OnBehalfOfCollective,
        "Q." => SignerAuthority.Acting,
        null or "" => SignerAuthority.None,
        var other => throw new FormatException($"Thẩm quyền ký “{other}” không hợp lệ."),
    };
}
