using DanVan.Data.Seeding;

namespace DanVan.Web.Features.Signing;

public static class SigningServiceCollectionExtensions
{
    /// <summary>The <c>Signing</c> options (Required defaults to None in demo mode) and the singleton verifier.</summary>
    public static IServiceCollection AddSignedPdfVerification(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SigningOptions>()
            .Bind(configuration.GetSection(SigningOptions.Section))
            .PostConfigure<SeedOptions>((o, seed) =>
            {
                if (configuration[$"{SigningOptions.Section}:{nameof(SigningOptions.Required)}"] is null && seed.Demo)
                    o.Required = SigningRequirement.None;
            });
        services.AddSingleton<SignedPdfVerifier>();
        return services;
    }
}
