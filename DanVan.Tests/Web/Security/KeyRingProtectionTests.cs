using DanVan.Data;
using DanVan.Tests.Support;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Web.Security;

public sealed class KeyRingProtectionTests
{
    [Fact]
    public async Task In_production_the_stored_key_ring_is_encrypted_with_the_configured_certificate_and_still_readable()
    {
        await using var app = new ProductionFactory(("AllowedHosts", "*"));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await app.HttpsBrowser().SignInAsync("hctc@danvan.local")).StatusCode);
        Assert.True(File.Exists(app.KeyCertificatePath));

        using var scope = app.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<DanVanDbContext>().DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync();
        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains("encryptedSecret", xml);
            Assert.DoesNotContain("<value>", xml); // the plain master key
        });

        var keys = scope.ServiceProvider.GetRequiredService<IKeyManager>().GetAllKeys();
        Assert.All(keys, k => Assert.NotNull(k.Descriptor)); // decrypted again with the certificate
    }

    [Fact]
    public async Task Production_without_a_key_certificate_refuses_to_start_with_a_clear_message()
    {
        await using var app = new ProductionFactory(("DataProtection:CertificatePath", ""));
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("DataProtection:CertificatePath", error.ToString());
    }
}
