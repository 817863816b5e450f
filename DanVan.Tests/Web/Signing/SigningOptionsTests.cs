using DanVan.Domain.Signing;
using DanVan.Tests.Support;
using DanVan.Tests.Support.Signing;
using DanVan.Web.Features.Signing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DanVan.Tests.Web.Signing;

public class SigningOptionsTests
{
    private static SigningOptions Options(params (string Key, string Value)[] settings)
    {
        using var app = new ConfiguredFactory(settings);
        return app.Services.GetRequiredService<IOptions<SigningOptions>>().Value;
    }

    [Fact]
    public void The_demo_issues_without_signatures_unless_signing_is_required_explicitly()
    {
        Assert.Equal(SigningRequirement.None, Options().Required);
        Assert.Equal(SigningRequirement.Leader, Options(("Signing:Required", "Leader")).Required);
    }

    [Fact]
    public void Outside_demo_mode_both_signatures_are_required_by_default()
    {
        var options = Options(("Seed:Demo", "false"));

        Assert.Equal(SigningRequirement.LeaderAndAgency, options.Required);
        Assert.Equal("Văn phòng UBND tỉnh Quảng Ngãi", options.AgencySubject);
        Assert.Equal(20L * 1024 * 1024, options.MaxUploadBytes);
    }

    [ToolFact(TestPki.Tools, "poppler-utils libnss3-tools")]
    public void The_hosts_verifier_trusts_the_configured_anchor_folder()
    {
        using var app = new ConfiguredFactory(TestPki.Shared.HostSettings);
        var verifier = app.Services.GetRequiredService<SignedPdfVerifier>();

        Assert.Same(verifier, app.Services.GetRequiredService<SignedPdfVerifier>());
        var expected = verifier.ExpectedFor(SigningStep.Leader, TestPki.LeaderName);
        var result = verifier.Verify(SignedReports.HandedOut, SignedReports.LeaderSigned, expected, DateTimeOffset.UtcNow);
        Assert.True(result.Ok, result.FailureMessage);
        Assert.Equal(TestPki.AgencySubject, verifier.ExpectedFor(SigningStep.Agency, TestPki.LeaderName).ExpectedCommonName);
    }
}
