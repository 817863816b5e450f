namespace DanVan.Web.Infrastructure.ServiceResults;

/// <summary>What a use case answered; mapped once to MVC (<see cref="MvcResults"/>) and once to the API (<see cref="ApiResults"/>).</summary>
public enum ServiceStatus
{
    /// <summary>Done (or nothing to do: a replay of what is stored is Ok too).</summary>
    Ok,

    /// <summary>The period, unit, report … named does not exist (404).</summary>
    NotFound,

    /// <summary>It exists but this user may not do this (403).</summary>
    Forbidden,

    /// <summary>Input is wrong: messages by field (400).</summary>
    Invalid,

    /// <summary>Someone else changed it first, or it already exists (409).</summary>
    Conflict,

    /// <summary>The input is fine but the state forbids it now (sent, locked, separation of duties): a message (409).</summary>
    Refused,
}
