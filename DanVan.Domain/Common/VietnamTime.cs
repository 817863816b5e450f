namespace DanVan.Domain.Common;

/// <summary>
/// The portal's one clock for "today" and local time: Vietnam, UTC+7 all year (no daylight saving), whatever
/// time zone the server runs in. Services ask it with their TimeProvider; views format with VietnameseFormat.LocalDateTime.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTimeOffset Local(DateTimeOffset at) => at.ToOffset(Offset);

    public static DateTimeOffset Now(TimeProvider clock) => Local(clock.GetUtcNow());

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock).DateTime);

    /// <summary>The instant a local day starts (00:00 in Vietnam).</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);
}
