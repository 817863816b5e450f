namespace DanVan.Tests.Browser.Journeys;

/// <summary>
/// What the Trung tâm PVHCC types for 2021-Y: the figures of the model report, typed as Vietnamese staff type them.
/// They keep the model's one inconsistency: 4.058 + 15.338 land records make 19.396, not the 19.388 reported.
/// </summary>
public static class TtpvhccFigures
{
    public const string LandTotalRule = "R.HS.DD.TONG.NHAN";
    public const string LandTotalMessage = "Tổng số hồ sơ (19.388) khác kỳ trước chuyển qua + tiếp nhận mới (4.058 + 15.338 = 19.396)";

    /// <summary>Code → text typed. The three "kỳ trước chuyển qua" figures are carried over by the portal already.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> Typed =
    [
        new("HS.TONG", "50.003"), new("HS.SO.TONG", "30.615"), new("HS.SO.MOI", "28.262"), new("HS.SO.DAGQ", "28.916"),
        new("HS.SO.DUNGHAN", "28.509"), new("HS.SO.TREHAN", "407"), new("HS.SO.DANGGQ", "1.699"),
        new("HS.DD.TONG", "19.388"), new("HS.DD.MOI", "15.338"), new("HS.DD.DAGQ", "15.964"), new("HS.DD.DUNGHAN", "12.154"),
        new("HS.DD.TREHAN", "3.810"), new("HS.DD.DANGGQ", "3.424"),
        new("HS.TAICHO.TONG", "3.159"), new("HS.TAICHO.SNN", "797"), new("HS.TAICHO.SCT", "2.362"), new("HS.TRUCTUYEN", "7.888"),
        new("HS.BUUCHINH.NHAN", "3.328"), new("HS.BUUCHINH.TRA", "3.019"),
        new("HS.LTVP.NHAN", "447"), new("HS.LTVP.DAGQ", "427"), new("HS.LTVP.DANGGQ", "20"),
        new("HS.DKDD.TONG", "12.395"), new("HS.DKDD.MOI", "8.025"), new("HS.DKDD.DAGQ", "8.753"), new("HS.DKDD.DUNGHAN", "6.286"),
        new("HS.DKDD.TREHAN", "2.467"), new("HS.DKDD.DANGGQ", "3.642"),
        new("HL.TONG", "20.782"), new("HL.HAILONG", "20.739"), new("HL.BINHTHUONG", "43"), new("HL.KHONGHAILONG", "0"),
    ];

    public static readonly IReadOnlyDictionary<string, string> CarriedOver = new Dictionary<string, string>
    {
        ["HS.SO.KYTRUOC"] = "2.353", ["HS.DD.KYTRUOC"] = "4.058", ["HS.DKDD.KYTRUOC"] = "4.370",
    };

    public const string Explanation = "Số liệu theo phần mềm một cửa; chênh 08 hồ sơ do hồ sơ chuyển tiếp bị trùng, đang rà soát.";
}
