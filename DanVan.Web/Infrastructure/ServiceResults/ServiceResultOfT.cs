namespace DanVan.Web.Infrastructure.ServiceResults;

/// <summary>
/// A <see cref="ServiceResult"/> with what the service hands back: the saved thing when Ok, and, when the caller
/// needs it to answer (the sheet shown again with its errors), also with a failure.
/// </summary>
public sealed record ServiceResult<T>(ServiceResult Outcome, T? Value)
{
    public ServiceStatus Status => Outcome.Status;

    public IReadOnlyDictionary<string, string> Errors => Outcome.Errors;

    public string? Message => Outcome.Message;

    public bool IsOk => Outcome.IsOk;

    public static ServiceResult<T> Ok(T value, string? message = null) => new(ServiceResult.Ok(message), value);

    public static implicit operator ServiceResult<T>(ServiceResult outcome) => new(outcome, default);

    /// <summary>A plain value is an Ok answer.</summary>
    public static implicit operator ServiceResult<T>(T value) => Ok(value);
}
