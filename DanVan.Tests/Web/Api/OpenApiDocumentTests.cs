using System.Net;
using System.Text.Json;
using DanVan.Tests.Support;

namespace DanVan.Tests.Web.Api;

/// <summary>The API's contract (/openapi/v1.json) as an integrator reads it with a bearer token.</summary>
[Collection(SharedPortal.Name)]
public sealed class OpenApiDocumentTests(DanVanFactory app)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    /// <summary>What a client calls before it holds an access token.</summary>
    private static readonly string[] Anonymous = ["/api/v1/auth/login", "/api/v1/auth/refresh"];

    [Fact]
    public async Task The_document_is_served_to_a_bearer_token_client()
    {
        var client = await app.ApiAsync("tonghop@danvan.local");
        var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_document_declares_the_bearer_scheme()
    {
        var scheme = (await DocumentAsync()).GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task Every_operation_has_a_unique_id_a_summary_security_a_success_schema_and_problem_details_for_4xx()
    {
        var document = await DocumentAsync();
        var ids = new HashSet<string>();
        var operations = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var (method, operation) in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)).Select(o => (o.Name, o.Value)))
            {
                operations++;
                var name = $"{method.ToUpperInvariant()} {path.Name}";
                Assert.True(operation.TryGetProperty("operationId", out var id) && ids.Add(id.GetString()!), $"{name}: operationId missing or repeated");
                Assert.False(string.IsNullOrWhiteSpace(operation.TryGetProperty("summary", out var s) ? s.GetString() : null), $"{name}: no summary");
                Assert.True(operation.TryGetProperty("security", out var security), $"{name}: no security");
                Assert.Equal(Anonymous.Contains(path.Name) ? 0 : 1, security.GetArrayLength());

                var responses = operation.GetProperty("responses").EnumerateObject().ToList();
                var success = responses.Where(r => r.Name.StartsWith('2')).ToList();
                Assert.True(success.Count > 0, $"{name}: no 2xx response");
                Assert.True(success.All(r => r.Name == "204" || (r.Value.TryGetProperty("content", out var c) && c.EnumerateObject().Any())),
                    $"{name}: 2xx without a schema");
                var problems = responses.Where(r => r.Name.StartsWith('4')).ToList();
                Assert.True(problems.Count > 0, $"{name}: no 4xx response");
                foreach (var problem in problems)
                {
                    Assert.True(problem.Value.TryGetProperty("content", out var content) && content.TryGetProperty("application/problem+json", out _),
                        $"{name} {problem.Name}: not problem details");
                }
            }
        }
        Assert.True(operations >= 22, $"only {operations} operations");
    }

    /// <summary>Redocly CLI 2.77.0 with its recommended rules (no configuration file): no error and no warning.</summary>
    [OptionalToolFact("npx", "npm")]
    public async Task The_document_passes_redocly_lint_with_the_recommended_rules()
    {
        var client = await app.ApiAsync("tonghop@danvan.local");
        var folder = Directory.CreateTempSubdirectory("danvan-openapi-");
        try
        {
            var file = Path.Combine(folder.FullName, "openapi.json");
            await File.WriteAllTextAsync(file, await client.GetStringAsync("/openapi/v1.json"));
            var (exitCode, output) = ExternalTool.Run("npx", TimeSpan.FromMinutes(5), "-y", "@redocly/cli@2.77.0", "lint", file, "--format=summary");
            Assert.True(exitCode == 0, output);
            Assert.Contains("Your API description is valid", output); // Redocly prints this only with no problem at all
            Assert.DoesNotMatch(@"(?m)^(error|warning)\s", output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task<JsonElement> DocumentAsync()
    {
        var client = await app.ApiAsync("tonghop@danvan.local");
        var text = await client.GetStringAsync("/openapi/v1.json");
        if (Environment.GetEnvironmentVariable("DANVAN_OPENAPI_OUT") is { Length: > 0 } output) await File.WriteAllTextAsync(output, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
