using DanVan.Web.Features.Signing;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DanVan.Tests.Support.Signing;

/// <summary>A <see cref="SignedPdfVerifier"/> that trusts the test PKI's root, built without a host.</summary>
public static class TestVerifier
{
    public static SignedPdfVerifier Create(long maxUploadBytes = 20L * 1024 * 1024) =>
        new(Options.Create(new SigningOptions
            {
                TrustAnchors = TestPki.Shared.TrustAnchorFolder,
                AgencySubject = TestPki.AgencySubject,
                MaxUploadBytes = maxUploadBytes,
            }),
            new Environment(), NullLogger<SignedPdfVerifier>.Instance);

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "DanVan.Tests";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
