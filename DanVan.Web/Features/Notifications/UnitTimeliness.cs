using DanVan.Domain.Notifications;

namespace DanVan.Web.Features.Notifications;

/// <summary>A unit's timeliness in a period and its record over the last periods it took part in.</summary>
public sealed record UnitTimeliness(string UnitCode, string UnitName, Timeliness Current, int OnTime, int Late, int NotSent, int Periods)
{
    public string Record => Periods == 0 ? "" : $"{OnTime}/{Periods} kỳ gần đây đúng hạn" + (Late > 0 ? $", {Late} kỳ trễ" : "") + (NotSent > 0 ? $", {NotSent} kỳ không gửi" : "");
}
