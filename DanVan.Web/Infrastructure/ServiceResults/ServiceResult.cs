namespace DanVan.Web.Infrastructure.ServiceResults;

/// <summary>
/// The one answer of a service (decision 0016): a status, Vietnamese messages by the real field name ("" for the
/// request as a whole) and a message. A service that also hands back something returns <see cref="ServiceResult{T}"/>;
/// a failure converts to it implicitly.
/// </summary>
public sealed record ServiceResult
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    private ServiceResult(ServiceStatus status, IReadOnlyDictionary<string, string>? errors, string? message)
    {
        Status = status;
        Errors = errors ?? NoErrors;
        Message = message ?? Errors.Values.FirstOrDefault();
    }

    public ServiceStatus Status { get; }

    /// <summary>Messages by field as the client names it (form field or JSON property); "" for the whole request.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; }

    public string? Message { get; }

    public bool IsOk => Status == ServiceStatus.Ok;

    public static ServiceResult Ok(string? message = null) => new(ServiceStatus.Ok, null, message);

    public static ServiceResult NotFound { get; } = new(ServiceStatus.NotFound, null, null);

    public static ServiceResult Forbidden { get; } = new(ServiceStatus.Forbidden, null, null);

    public static ServiceResult Invalid(IReadOnlyDictionary<string, string> errors, string? message = null) => new(ServiceStatus.Invalid, errors, message);

    public static ServiceResult Invalid(string field, string message) =>
        new(ServiceStatus.Invalid, new Dictionary<string, string> { [field] = message }, message);

    public static ServiceResult Conflict(string message) => new(ServiceStatus.Conflict, null, message);

    public static ServiceResult Refused(string message) => new(ServiceStatus.Refused, null, message);

    /// <summary>The same outcome carrying a value (e.g. the sheet to show again with its errors).</summary>
    public ServiceResult<T> With<T>(T value) => new(this, value);
}
