namespace DanVan.Domain.Reports;

/// <summary>Setting Signing:Required: which digital signatures an approved report needs before it is issued.</summary>
public enum SignaturesRequired
{
    /// <summary>Issued at approval (the demo: no token needed).</summary>
    None = 0,
    /// <summary>The leader's signature.</summary>
    Leader = 1,
    /// <summary>The leader's, then the agency's (văn thư): Nghị định 30/2020.</summary>
    LeaderAndAgency = 2,
}
