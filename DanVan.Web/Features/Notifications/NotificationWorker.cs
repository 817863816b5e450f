using Microsoft.Extensions.Options;

namespace DanVan.Web.Features.Notifications;

/// <summary>
/// The hosted loop: every Notifications:PollSeconds, write due reminders and summaries, then deliver the outbox.
/// Off when Notifications:Worker is false (test hosts drive ReminderScheduler and OutboxSender themselves).
/// </summary>
public sealed class NotificationWorker(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<NotificationOptions> options, ILogger<NotificationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Worker) return;
        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ReminderScheduler>().RunOnceAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<OutboxSender>().RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The next round retries; nothing is lost, the outbox keeps every message until it is marked.
                logger.LogError(ex, "Notification round failed");
            }
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
