namespace DanVan.Web.Infrastructure;

/// <summary>
/// Under /api, a path no endpoint matches answers 404 and a wrong content type or method 415/405, before
/// authorization: otherwise the fallback policy (cookie scheme) would answer a bearer client 401 for either. The
/// status code pages then write the problem details.
/// </summary>
public sealed class ApiRoutingStatusMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api")) return next(context);
        var endpoint = context.GetEndpoint();
        if (endpoint is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        // The routing's own rejection endpoints carry no metadata; running them sets 415 or 405 (with Allow).
        return endpoint.Metadata.Count == 0 && endpoint.DisplayName is "415 HTTP Unsupported Media Type" or "405 HTTP Method Not Supported"
            ? endpoint.RequestDelegate!(context)
            : next(context);
    }
}
