using DanVan.Domain.Common;
using DanVan.Data;
using DanVan.Domain.Indicators;
using DanVan.Domain.Periods;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Api;

public sealed record PeriodDto(
    string Code, string Name, string Kind, int Year, DateOnly CutoffFrom, DateOnly CutoffTo,
    DateOnly UnitDeadline, DateOnly SendDeadline, bool Locked, bool Illustrative);

public sealed record IndicatorDto(
    string Code, string Name, string Measure, string Kind, string Unit, string Group, bool Required, string? Formula);

/// <summary>The period list and the indicator catalogue, shared by pages and API.</summary>
public sealed class CatalogueService(DanVanDbContext db)
{
    public async Task<IReadOnlyList<PeriodDto>> PeriodsAsync(CancellationToken ct)
    {
        var periods = await db.Periods.AsNoTracking().OrderByDescending(p => p.CutoffTo).ToListAsync(ct);
        return periods.Select(ToDto).ToList();
    }

    public async Task<PeriodDto?> PeriodAsync(string code, CancellationToken ct)
    {
        if (!PeriodCode.TryParse(code, out var parsed)) return null;
        var normalized = parsed.ToString();
        var period = await db.Periods.AsNoTracking().SingleOrDefaultAsync(p => p.Code == normalized, ct);
        return period is null ? null : ToDto(period);
    }

    public static PeriodDto ToDto(ReportingPeriod p) => new(
        p.Code, p.Name, p.PeriodCode.KindToken, p.Year, p.CutoffFrom, p.CutoffTo, p.UnitDeadline, p.SendDeadline,
        p.IsLocked, p.IsIllustrative);

    /// <summary>The indicators of the newest published template version (the one new periods are opened with).</summary>
    public async Task<IReadOnlyList<IndicatorDto>> IndicatorsAsync(CancellationToken ct)
    {
        var templateId = (await DanVan.Data.Templates.TemplateVersions.CurrentAsync(db, ct))?.Id;
        if (templateId is null) return [];
        return await (
                from i in db.Indicators.AsNoTracking()
                join u in db.Units.AsNoTracking() on i.UnitId equals u.Id
                where i.TemplateId == templateId && !i.IsRetired
                orderby i.SortOrder
                select new IndicatorDto(i.Code, i.Name, i.Measure, KindName(i.Kind), u.Code, i.GroupKey, i.IsRequired, i.Formula))
            .ToListAsync(ct);
    }

    private static string KindName(ValueKind kind) => ApiNames.Of(kind);
}
