using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DanVan.Web.Api;

/// <summary>
/// The OpenAPI contract of /api/v1 for those who integrate with it: a title and description, the bearer scheme
/// (from POST /api/v1/auth/login), on every operation an operationId, a summary, its security (none for sign-in) and
/// problem details (application/problem+json) for each 4xx answer. Schemas come from the typed results and the
/// Produces metadata of the endpoints themselves.
/// </summary>
public static class ApiDocument
{
    public const string BearerScheme = "Bearer";

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "DanVan API",
                Version = "v1",
                Description = "Số liệu, phiếu, báo cáo và bảng điều hành của cổng DanVan. Đăng nhập bằng POST /api/v1/auth/login, "
                    + "gửi accessToken trong tiêu đề Authorization: Bearer …; lỗi trả về dạng problem details (RFC 9457), thông điệp tiếng Việt.",
                License = new OpenApiLicense { Name = "Proprietary", Url = new Uri("https://danvan.local/license") },
                Contact = new OpenApiContact { Name = "DanVan" },
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "accessToken của POST /api/v1/auth/login (hết hạn sau 1 giờ).",
            };
            // Relative: the document is right for whichever address the portal is reached at.
            document.Servers = [new OpenApiServer { Url = "/", Description = "Cổng DanVan trả tài liệu này" }];
            document.Tags = new HashSet<OpenApiTag> { new() { Name = "DanVan", Description = "Cổng số liệu và báo cáo DanVan, phiên bản 1." } };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var description = context.Description;
            operation.OperationId ??= OperationId(description.HttpMethod ?? "GET", description.RelativePath ?? "");
            var anonymous = description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any();
            operation.Security = anonymous
                ? []
                : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
            return Task.CompletedTask;
        });
    }

    /// <summary>"GET api/v1/periods/{period}/units/{unit}/history" → "getPeriodsByPeriodUnitsByUnitHistory".</summary>
    public static string OperationId(string method, string relativePath)
    {
        var id = new StringBuilder(method.ToLowerInvariant());
        foreach (var segment in relativePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(2))
        {
            var word = segment.StartsWith('{') ? "By-" + segment.Trim('{', '}') : segment;
            foreach (var part in word.Split('.', '-'))
                if (part.Length > 0) id.Append(char.ToUpperInvariant(part[0])).Append(part[1..]);
        }
        return id.ToString();
    }
}
