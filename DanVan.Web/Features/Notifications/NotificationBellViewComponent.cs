using Microsoft.AspNetCore.Mvc;

namespace DanVan.Web.Features.Notifications;

/// <summary>The bell in the navigation bar with the signed-in user's unread count.</summary>
public sealed class NotificationBellViewComponent(InboxService inbox) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() => View(await inbox.UnreadCountAsync(HttpContext.RequestAborted));
}
