namespace DanVan.Web.Features.Signing;

/// <summary>Which signatures a report needs before it is issued (setting <c>Signing:Required</c>, written as the name).</summary>
public enum SigningRequirement
{
    None,
    Leader,
    LeaderAndAgency,
}
