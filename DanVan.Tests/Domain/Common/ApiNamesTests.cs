using DanVan.Domain.Auditing;
using DanVan.Domain.Common;
using DanVan.Domain.Indicators;
using DanVan.Domain.Reports;
using DanVan.Domain.Rules;
using DanVan.Domain.Submissions;

namespace DanVan.Tests.Domain.Common;

public sealed class ApiNamesTests
{
    [Fact]
    public void Every_name_parses_back_to_its_value()
    {
        foreach (var kind in Enum.GetValues<ValueKind>()) Assert.Equal(kind, ApiNames.ParseKind(ApiNames.Of(kind)));
        foreach (var severity in Enum.GetValues<Severity>()) Assert.Equal(severity, ApiNames.ParseSeverity(ApiNames.Of(severity)));
        foreach (var authority in Enum.GetValues<SignerAuthority>()) Assert.Equal(authority, ReportStateText.ParseAuthority(authority.Prefix()));
        Assert.Throws<FormatException>(() => ReportStateText.ParseAuthority("XX."));
    }

    [Fact]
    public void Statuses_and_states_have_distinct_names()
    {
        Assert.Equal(Enum.GetValues<SubmissionStatus>().Length, Enum.GetValues<SubmissionStatus>().Select(ApiNames.Of).Distinct().Count());
        Assert.Equal(["draft", "pendingApproval", "issued", "awaitingSignature", "revoked"], Enum.GetValues<ReportState>().Select(ApiNames.Of));
    }

    [Fact]
    public void Every_audit_action_has_a_Vietnamese_label()
    {
        var actions = typeof(AuditActions).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.NotEmpty(actions);
        Assert.All(actions, a => Assert.NotEqual(a, AuditActions.Vietnamese(a)));
    }
}
