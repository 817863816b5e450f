namespace DanVan.Web.Infrastructure;

/// <summary>
/// Outside Development, pages are served over HTTPS only (their cookies are Secure): a page asked over plain HTTP is
/// redirected (308) to the same path on <c>App:PublicBaseUrl</c>, or on https://{host} without it. The API and the
/// health checks are not redirected (ASVS 4.1.2: a client sending a token over HTTP should fail, not be fixed silently).
/// </summary>
public sealed class HttpsForPagesMiddleware(RequestDelegate next, IConfiguration configuration)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.IsHttps || request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/health")) return next(context);
        var target = configuration["App:PublicBaseUrl"] is { Length: > 0 } publicBase
            ? publicBase.TrimEnd('/') + request.PathBase + request.Path + request.QueryString
            : "https://" + request.Host.Host + request.PathBase + request.Path + request.QueryString;
        context.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
        context.Response.Headers.Location = target;
        return Task.CompletedTask;
    }
}
