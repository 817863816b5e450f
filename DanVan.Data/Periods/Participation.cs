using Microsoft.EntityFrameworkCore;

namespace DanVan.Data.Periods;

/// <summary>
/// Who takes part in a period (docs/decisions/0010-admin-periods-units-participation.md): recorded when the period is
/// created, as every active unit that has something to send in the period's template version: an indicator it
/// supplies or a section it writes. The agency is the issuer, not a participant.
/// </summary>
public static class Participation
{
    public static async Task<List<int>> EligibleUnitIdsAsync(DanVanDbContext db, int templateId, CancellationToken ct)
    {
        var suppliers = db.Indicators.Where(i => i.TemplateId == templateId && !i.IsRetired).Select(i => i.UnitId);
        var writers = db.OutlineSections.Where(s => s.TemplateId == templateId && s.WriterUnitId != null).Select(s => s.WriterUnitId!.Value);
        return await db.Units.AsNoTracking()
            .Where(u => !u.IsAgency && !u.IsRetired && (suppliers.Contains(u.Id) || writers.Contains(u.Id)))
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Code)
            .Select(u => u.Id)
            .ToListAsync(ct);
    }
}
