using System.Globalization;

namespace DanVan.Domain.Notifications;

/// <summary>
/// The reminder days of a period, as offsets in days before the unit deadline (7, 3, 0, −1 by default; negative is
/// after it), and which one is due on a day (decision 0026).
/// </summary>
public static class ReminderSchedule
{
    public const string DefaultOffsets = "7,3,0,-1";
    public const int MaxOffsets = 10;
    public const int MinOffset = -30;
    public const int MaxOffset = 60;
    public const int MaxTextLength = 64;

    /// <summary>A reminder missed on its day (portal down) is still sent this many days later, never after.</summary>
    public const int CatchUpDays = 2;

    /// <summary>Offsets from text such as "7, 3, 0, -1" (or the Unicode minus), largest first; an error in Vietnamese.</summary>
    public static (IReadOnlyList<int> Offsets, string? Error) Parse(string? text)
    {
        var parts = (text ?? "").Replace('−', '-').Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries);
        var offsets = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var offset))
                return ([], $"“{part}” không phải số ngày (ví dụ: 7, 3, 0, -1).");
            if (offset is < MinOffset or > MaxOffset)
                return ([], $"Số ngày nhắc phải từ {MinOffset} đến {MaxOffset}.");
            if (!offsets.Contains(offset)) offsets.Add(offset);
        }
        if (offsets.Count > MaxOffsets) return ([], $"Tối đa {MaxOffsets} lần nhắc.");
        return (offsets.OrderDescending().ToList(), null);
    }

    public static string Format(IEnumerable<int> offsets) => string.Join(",", offsets.OrderDescending().Select(o => o.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// The offset whose reminder is due today: the latest reminder day that has come, if it came at most
    /// <see cref="CatchUpDays"/> ago. Earlier offsets are never sent late once a later one is due.
    /// </summary>
    public static int? DueOffset(DateOnly unitDeadline, IReadOnlyList<int> offsets, DateOnly today)
    {
        int? due = null;
        foreach (var offset in offsets)
        {
            var day = unitDeadline.AddDays(-offset);
            if (day > today || today.DayNumber - day.DayNumber > CatchUpDays) continue;
            if (due is null || offset < due) due = offset;
        }
        return due;
    }

    /// <summary>The collection window: from the first reminder day to the last (the compilers' daily summary runs in it).</summary>
    public static bool InCollectionWindow(DateOnly unitDeadline, IReadOnlyList<int> offsets, DateOnly today) =>
        offsets.Count > 0 && today >= unitDeadline.AddDays(-offsets.Max()) && today <= unitDeadline.AddDays(-offsets.Min());
}
