using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using DanVan.Data;
using DanVan.Data.Identity;
using DanVan.Data.Seeding;
using DanVan.Domain.Organization;
using DanVan.Web.Api;
using DanVan.Web.Infrastructure.Security;
using DanVan.Web.Services.Home;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.WebEncoders;

namespace DanVan.Web.Infrastructure;

public static class ServiceCollectionExtensions
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static IServiceCollection AddDanVan(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        CultureInfo.DefaultThreadCurrentCulture = Vietnamese;
        CultureInfo.DefaultThreadCurrentUICulture = Vietnamese;

        services.AddDanVanData(environment.ContentRootPath);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => ResolveSeedOptions(sp.GetRequiredService<IConfiguration>(), environment));
        services.AddScoped<DatabaseSeeder>();

        // Razor must write Vietnamese letters as they are, not as &#x1EA1; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        // Keys in the database: a restart or a second instance keeps sessions and in-flight forms valid.
        KeyRingProtection.Configure(
            services.AddDataProtection().SetApplicationName("DanVan").PersistKeysToDbContext<DanVanDbContext>(),
            configuration, environment);

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                // Wrong passwords are counted per (account, address) by SignInGuard (decision 0030); Identity's
                // lockout stays only for a lockout end set by hand.
                o.Lockout.AllowedForNewUsers = true;
                o.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticatorTokenProvider.Name;
            })
            .AddEntityFrameworkStores<DanVanDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<VietnameseIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddSignInManager<DanVanSignInManager>()
            .AddClaimsPrincipalFactory<DanVanClaimsPrincipalFactory>()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(SingleUseAuthenticatorTokenProvider.Name)
            .AddUserManager<DanVanUserManager>()
            .AddUserStore<DanVanUserStore>();
        // Set-password links (account creation, reset by an admin) live 72 hours; a new stamp voids them earlier.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(72));

        // The security stamp is checked on every request: a disabled user, a reset password or a sign-out (which
        // renews the stamp) ends every copy of the session at once, not after the default 30 minutes.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<DanVan.Web.Features.Account.PasswordHashGate>();
        services.AddSingleton<DanVan.Web.Features.Account.SignInGuard>();
        services.AddScoped<DanVan.Web.Features.Account.SignInService>();
        services.AddScoped<DanVan.Web.Features.SeparationOfDuties.SeparationOfDuties>();
        DanVan.Web.Features.Signing.SigningServiceCollectionExtensions.AddSignedPdfVerification(services, configuration);
        var secureCookies = !environment.IsDevelopment() && !environment.IsEnvironment("Testing");
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = secureCookies ? "__Host-DanVan.Af" : "DanVan.Af";
            o.Cookie.SecurePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.Configure<ForwardedHeadersOptions>(o => ForwardedHeadersSetup.Configure(o, configuration));
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.SecurePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = secureCookies ? "__Host-DanVan" : "DanVan.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.ExpireTimeSpan = SessionLifetime.IdleTimeout;
            o.SlidingExpiration = true;
            o.Events.OnSigningIn = SessionLifetime.StampSignInTime;
            o.Events.OnValidatePrincipal = SessionLifetime.ValidateAsync;
            // The API never redirects to the sign-in page: it answers 401 or 403.
            o.Events.OnRedirectToLogin = c => ApiOr(c, StatusCodes.Status401Unauthorized, () => c.Response.Redirect(c.RedirectUri));
            o.Events.OnRedirectToAccessDenied = c => ApiOr(c, StatusCodes.Status403Forbidden, () => c.Response.Redirect(c.RedirectUri));
        });

        services.AddAuthentication()
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1));

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Api, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser())
            // The API's description: for an integrator's bearer token and for a signed-in page (Scalar). The bearer
            // challenge runs first so that an anonymous browser still ends on the sign-in redirect.
            .AddPolicy(Policies.ApiDocument, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme, IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser())
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Compiler, p => p.RequireRole(Roles.Compiler))
            .AddPolicy(Policies.ReadAll, p => p.RequireRole(Roles.Compiler, Roles.Leader, Roles.Admin))
            .AddPolicy(Policies.Reports, p => p.RequireRole(Roles.Compiler, Roles.Leader, Roles.Admin, Roles.Clerk));

        services.AddControllersWithViews(o => o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));
        services.AddProblemDetails();
        services.AddOpenApi("v1", Api.ApiDocument.Configure);
        services.AddHealthChecks().AddDbContextCheck<DanVanDbContext>("database", tags: ["ready"]);
        services.AddHttpContextAccessor();

        services.AddScoped<CurrentUser>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, Authorization.ResourceAccessHandler>();
        services.AddScoped<Authorization.Access>();
        services.AddScoped<HomeService>();
        services.AddScoped<CatalogueService>();
        services.AddScoped<DanVan.Web.Services.Entry.EntryService>();
        services.AddScoped<DanVan.Web.Services.Entry.ReviewService>();
        services.AddScoped<DanVan.Web.Services.Entry.EntryExcelService>();
        services.AddSingleton<DanVan.Web.Rendering.ReportRenderer>();
        services.AddScoped<DanVan.Web.Services.Reports.ReportService>();
        services.AddScoped<DanVan.Web.Features.ReportWorkflow.ReportWorkflowService>();
        services.AddScoped<DanVan.Web.Features.ReportSigning.ReportSigningService>();
        services.AddScoped<DanVan.Web.Services.Dashboard.DashboardService>();
        services.AddScoped<DanVan.Web.Services.Admin.Periods.PeriodAdminService>();
        services.AddScoped<DanVan.Web.Services.Admin.Units.UnitAdminService>();
        services.AddScoped<DanVan.Web.Services.Admin.Templates.TemplateAdminService>();
        services.AddMemoryCache();
        services.AddSingleton<DanVan.Web.Services.Dashboard.DashboardFiguresCache>();
        services.AddScoped<DanVan.Web.Services.Admin.Users.UserAdminService>();
        services.AddScoped<DanVan.Web.Services.Account.TwoFactorService>();
        DanVan.Web.Features.Notifications.NotificationServices.AddNotifications(services, configuration);
        return services;
    }

    private static Task ApiOr(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status, Action redirect)
    {
        if (context.Request.Path.StartsWithSegments("/api")) context.Response.StatusCode = status;
        else redirect();
        return Task.CompletedTask;
    }

    /// <summary>Demo data: on in Development, off elsewhere unless Seed:Demo is set explicitly.</summary>
    private static SeedOptions ResolveSeedOptions(IConfiguration configuration, IWebHostEnvironment environment)
    {
        var options = configuration.GetSection(SeedOptions.Section).Get<SeedOptions>() ?? new SeedOptions();
        var explicitDemo = configuration[$"{SeedOptions.Section}:{nameof(SeedOptions.Demo)}"];
        options.Demo = explicitDemo is null ? environment.IsDevelopment() : options.Demo;
        return options;
    }
}

public static class Policies
{
    public const string Api = "api";
    public const string ApiDocument = "api-document";
    public const string Admin = "admin";
    public const string Compiler = "compiler";
    public const string ReadAll = "read-all";

    /// <summary>The report pages and API: <see cref="ReadAll"/> and the văn thư.</summary>
    public const string Reports = "reports";
}
