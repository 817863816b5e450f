using DanVan.Domain.Indicators;
using DanVan.Domain.Rules;
using DanVan.Domain.Submissions;

namespace DanVan.Tests.Domain.Submissions;

/// <summary>The Trung tâm Phục vụ hành chính công (unit 3) and its land-records figures, for 6 tháng đầu năm 2021 (period 7).</summary>
internal static class SubmissionFixture
{
    public const int PeriodId = 7;
    public const int CentreUnitId = 3;
    public const int OtherUnitId = 4;

    public static readonly DateTimeOffset T0 = new(2021, 6, 10, 9, 0, 0, TimeSpan.FromHours(7));

    public static readonly IReadOnlyDictionary<string, string> NoExplanations = new Dictionary<string, string>();

    /// <summary>An indicator as it comes from the database: Indicator.Create leaves Id 0, and values are keyed by Id.</summary>
    public static Indicator Count(int id, string code, bool required = true, int unitId = CentreUnitId, string? formula = null) =>
        Indicator.Create(1, code, code, "hồ sơ", ValueKind.Count, unitId, "II.3", id, required, formula).WithId(id);

    public static Indicator Total => Count(1, "HS.DD.TONG");
    public static Indicator CarriedOver => Count(2, "HS.DD.KYTRUOC");
    public static Indicator Received => Count(3, "HS.DD.MOI");
    public static Indicator Optional => Count(4, "HS.DD.GHICHU", required: false);
    public static Indicator OtherUnits => Count(5, "DON.TONG", unitId: OtherUnitId);
    public static Indicator Computed => Count(6, "HS.TONG", formula: "HS.SO.TONG + HS.DD.TONG");

    public static Indicator[] Required => [Total, CarriedOver, Received];

    public static Submission Start() => Submission.Start(PeriodId, CentreUnitId);

    /// <summary>A submission with the model report's land-records figures entered (total 19.388 ≠ 4.058 + 15.338).</summary>
    public static Submission Filled()
    {
        var s = Start();
        s.SetValue(Total, 19388, null, "canbo", T0);
        s.SetValue(CarriedOver, 4058, null, "canbo", T0);
        s.SetValue(Received, 15338, null, "canbo", T0);
        return s;
    }

    public static Violation LandTotalViolation(Severity severity = Severity.Error) =>
        new("HS.DD.TONG=KYTRUOC+MOI",
            "Tổng số hồ sơ (19.388) khác kỳ trước chuyển qua + tiếp nhận mới (4.058 + 15.338 = 19.396)",
            severity, 19388, 19396);

    public static Submission Submitted()
    {
        var s = Filled();
        s.Submit(Required, [], NoExplanations, "canbo", T0.AddHours(1));
        return s;
    }
}
