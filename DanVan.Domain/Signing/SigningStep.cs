namespace DanVan.Domain.Signing;

/// <summary>The two signatures an issued report carries, in this order (Nghị định 30/2020).</summary>
public enum SigningStep
{
    /// <summary>The person with authority (the signer of the signature block) signs first.</summary>
    Leader,

    /// <summary>The văn thư then issues it with the agency's signature.</summary>
    Agency,
}
