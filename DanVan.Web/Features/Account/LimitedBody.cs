using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DanVan.Web.Features.Account;

/// <summary>A JSON body read up to a limit, so that an anonymous endpoint never buffers more than it needs.</summary>
public static class LimitedBody
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The body as <typeparamref name="T"/>, or the problem to answer: 415 when it is not JSON, 413 above the limit,
    /// 400 (naming <paramref name="expected"/>) when it is not that object.
    /// </summary>
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, int limit, string expected, CancellationToken ct)
        where T : class
    {
        if (!request.HasJsonContentType())
            return (null, TypedResults.Problem("Nội dung phải là JSON (Content-Type: application/json).", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Sai kiểu nội dung"));
        var (value, tooLarge) = await ReadJsonAsync<T>(request, limit, ct);
        if (tooLarge)
            return (null, TypedResults.Problem($"Nội dung dài quá {limit / 1024} KB.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Nội dung quá lớn"));
        return value is null ? (null, Invalid(expected)) : (value, null);
    }

    public static ProblemHttpResult Invalid(string expected) =>
        TypedResults.Problem($"Cần một đối tượng JSON {expected}.", statusCode: StatusCodes.Status400BadRequest, title: "Dữ liệu không hợp lệ");

    public static async Task<(T? Value, bool TooLarge)> ReadJsonAsync<T>(HttpRequest request, int limit, CancellationToken ct) where T : class
    {
        if (request.ContentLength > limit) return (null, true);
        var buffer = new byte[limit + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await request.Body.ReadAsync(buffer.AsMemory(read), ct)) > 0) read += n;
        if (read > limit) return (null, true);
        try
        {
            return (JsonSerializer.Deserialize<T>(buffer.AsSpan(0, read), Web), false);
        }
        catch (JsonException)
        {
            return (null, false);
        }
    }
}
