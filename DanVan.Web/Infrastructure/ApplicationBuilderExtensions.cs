using DanVan.Web.Api;
using DanVan.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Scalar.AspNetCore;
using Serilog;

namespace DanVan.Web.Infrastructure;

public static class ApplicationBuilderExtensions
{
    public static WebApplication UseDanVan(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            // API callers get problem details with a trace id; people get the Vietnamese error page.
            app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler());
            app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseExceptionHandler("/Home/Error"));
            app.UseHsts();
        }
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing")) app.UseMiddleware<HttpsForPagesMiddleware>();

        app.UseSerilogRequestLogging();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(ServiceCollectionExtensions.Vietnamese),
            SupportedCultures = [ServiceCollectionExtensions.Vietnamese],
            SupportedUICultures = [ServiceCollectionExtensions.Vietnamese],
        });
        // People get a Vietnamese page for an empty error response; API callers get problem details.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/Home/Status", "?code={0}"));
        app.UseStaticFiles();
        app.UseRouting();
        app.UseMiddleware<ApiRoutingStatusMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<BearerStampValidationMiddleware>();
        app.UseMiddleware<MustChangePasswordMiddleware>();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();

        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(Policies.ApiDocument);
        app.MapScalarApiReference("/scalar", o => o.WithTitle("DanVan API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));

        app.MapDanVanApi();
        app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}");
        return app;
    }
}
