using DanVan.Domain.Signing;
using DanVan.Web.Features.Signing;

namespace DanVan.Web.Features.ReportSigning;

/// <summary>The signatures Signing:Required asks for, in order, and the names they travel under in the API.</summary>
public static class SigningSteps
{
    public static IReadOnlyList<SigningStep> Required(SigningRequirement requirement) => requirement switch
    {
        SigningRequirement.Leader => [SigningStep.Leader],
        SigningRequirement.LeaderAndAgency => [SigningStep.Leader, SigningStep.Agency],
        _ => [],
    };

    /// <summary>The next signature due, or null when every required one is in.</summary>
    public static SigningStep? Next(SigningRequirement requirement, IReadOnlyCollection<SigningStep> done) =>
        Required(requirement).Where(s => !done.Contains(s)).Cast<SigningStep?>().FirstOrDefault();

    public static string ApiName(SigningStep step) => step == SigningStep.Agency ? "agency" : "leader";

    public static SigningStep? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "leader" => SigningStep.Leader,
        "agency" => SigningStep.Agency,
        _ => null,
    };

    public static string Vietnamese(SigningStep step) => step == SigningStep.Agency ? "Văn thư ký số của cơ quan (ban hành)" : "Lãnh đạo ký số";
}
