using Microsoft.Extensions.Options;

namespace DanVan.Web.Features.Notifications;

public static class NotificationServices
{
    /// <summary>Notices, outbox, reminders and the hosted worker; SMTP when Email:Smtp:Host is set, else .eml files.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<PickupFolderTransport>();
        services.AddSingleton<IMailTransport>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<EmailOptions>>().Value.Smtp.Host)
            ? sp.GetRequiredService<PickupFolderTransport>()
            : sp.GetRequiredService<SmtpMailTransport>());
        services.AddScoped<Notifier>();
        services.AddScoped<OutboxSender>();
        services.AddScoped<ReminderScheduler>();
        services.AddScoped<ManualReminderService>();
        services.AddScoped<InboxService>();
        services.AddScoped<OutboxAdminService>();
        services.AddScoped<TimelinessService>();
        services.AddScoped<ReminderOffsetsService>();
        services.AddHostedService<NotificationWorker>();
        return services;
    }
}
