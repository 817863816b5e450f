using DanVan.Data.Seeding;
using DanVan.Domain.Reports;

namespace DanVan.Web.Features.ReportSigning;

/// <summary>
/// Signing:Required (decision 0020): LeaderAndAgency unless set, None in demo mode (Seed:Demo) so that the demo
/// still issues without a USB token.
/// </summary>
public sealed class ReportSigningOptions
{
    public const string Section = "Signing";

    public SignaturesRequired Required { get; init; }

    /// <summary>How long a one-time signing URL lives.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromMinutes(15);

    public static ReportSigningOptions Resolve(IConfiguration configuration, SeedOptions seed)
    {
        var raw = configuration[$"{Section}:{nameof(Required)}"];
        if (string.IsNullOrWhiteSpace(raw)) return new() { Required = seed.Demo ? SignaturesRequired.None : SignaturesRequired.LeaderAndAgency };
        if (Enum.TryParse<SignaturesRequired>(raw.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value)) return new() { Required = value };
        throw new InvalidOperationException($"Signing:Required must be None, Leader or LeaderAndAgency, not “{raw}”.");
    }
}
