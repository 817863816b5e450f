using System.Net;
using System.Net.Http.Json;

namespace DanVan.Tests.Support;

/// <summary>
/// Brings a demo report to where it may be sent: the lint errors of the demo data fixed through the API (number,
/// date, the cited request's date, a section with an impossible date), and a reason for every unit not accepted.
/// </summary>
public static class ReportReadying
{
    public static async Task FixLintErrorsAsync(this HttpClient compiler, string period)
    {
        var report = await (await compiler.GetAsync($"/api/v1/periods/{period}/report")).JsonAsync();
        var metadata = report.GetProperty("metadata");
        var sections = report.GetProperty("lint").EnumerateArray()
            .Where(l => l.GetProperty("severity").GetString() == "error" && l.GetProperty("section").ValueKind == System.Text.Json.JsonValueKind.String)
            .Select(l => l.GetProperty("section").GetString()!).Distinct()
            .ToDictionary(k => k, _ => "Nội dung đã được rà soát, không có ngày sai.");
        var put = await compiler.PutAsJsonAsync($"/api/v1/periods/{period}/report", new
        {
            metadata = new
            {
                number = metadata.GetProperty("number").GetString() is { Length: > 0 } n ? n : "900/BC-VP",
                date = metadata.GetProperty("date").GetString() ?? "2021-12-10",
                requestReference = "Công văn số 1315/SNV-XDCQ ngày 01/6/2021 của Sở Nội vụ",
            },
            sections,
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var after = await put.JsonAsync();
        Assert.DoesNotContain(after.GetProperty("lint").EnumerateArray(), l => l.GetProperty("severity").GetString() == "error");
    }

    /// <summary>Trình duyệt with a typed reason for each unit whose sheet is not accepted.</summary>
    public static async Task<HttpResponseMessage> SubmitWithReasonsAsync(this HttpClient compiler, string period)
    {
        var report = await (await compiler.GetAsync($"/api/v1/periods/{period}/report")).JsonAsync();
        var reasons = report.GetProperty("unitsNotAccepted").EnumerateArray()
            .ToDictionary(u => u.GetProperty("unit").GetString()!, _ => "Đơn vị chưa gửi phiếu; dùng số liệu tạm, sẽ bổ sung.");
        return await compiler.PostAsJsonAsync($"/api/v1/periods/{period}/report/submit", new { reasons });
    }

    /// <summary>Fixes the lint errors, sends with reasons, and checks it went.</summary>
    public static async Task SendReadyAsync(this HttpClient compiler, string period)
    {
        await compiler.FixLintErrorsAsync(period);
        var sent = await compiler.SubmitWithReasonsAsync(period);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
    }
}
