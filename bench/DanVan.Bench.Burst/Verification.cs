using System.Globalization;
using DanVan.Data.Providers;
using DanVan.Domain.Auditing;
using DanVan.Domain.Submissions;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Bench.Burst;

public sealed record VerificationResult(
    int ExpectedValues, int StoredValueRows, int LostValues, int WrongValues, int DuplicatedValues, int UnexpectedValues,
    int NotAcknowledgedButStored, int NotStoredAndNotAcknowledged,
    int ExpectedSubmitted, int Submitted, int LostSubmissions, int SubmissionRows,
    int ExpectedAudit, int AuditRows, int LostAudit, int DuplicatedAudit, int UnexpectedAudit,
    IReadOnlyList<string> Problems)
{
    public bool Clean => LostValues == 0 && WrongValues == 0 && DuplicatedValues == 0 && UnexpectedValues == 0
        && LostSubmissions == 0 && LostAudit == 0 && DuplicatedAudit == 0 && UnexpectedAudit == 0;
}

/// <summary>
/// Reads the database file directly after the portal has been killed. "Expected" is what the clients were told was
/// saved (2xx answers); rows the clients never got an answer for are counted apart, not as lost.
/// </summary>
public static class Verification
{
    public static async Task<VerificationResult> RunAsync(string connectionString, SetupResult setup, IReadOnlyList<UnitOutcome> outcomes)
    {
        var options = new DbContextOptionsBuilder<SqliteDanVanDbContext>().UseSqlite(connectionString).Options;
        await using var db = new SqliteDanVanDbContext(options);
        var unitIds = setup.Units.Select(u => u.Id).ToHashSet();
        var problems = new List<string>();

        var codes = await db.Indicators.AsNoTracking()
            .Where(i => i.TemplateId == setup.TemplateId && unitIds.Contains(i.UnitId))
            .Select(i => new { i.Id, i.Code })
            .ToDictionaryAsync(i => i.Id, i => i.Code);
        var rows = await db.Values.AsNoTracking()
            .Where(v => v.PeriodId == setup.PeriodId && unitIds.Contains(v.UnitId))
            .Select(v => new { v.UnitId, v.IndicatorId, v.Number, v.SubmissionId })
            .ToListAsync();
        var submissions = await db.Submissions.AsNoTracking()
            .Where(s => s.PeriodId == setup.PeriodId && unitIds.Contains(s.UnitId))
            .Select(s => new { s.Id, s.UnitId, s.Status, s.SubmittedBy })
            .ToListAsync();
        var audits = await db.AuditEntries.AsNoTracking()
            .Where(a => a.PeriodId == setup.PeriodId && a.UnitId != null && unitIds.Contains(a.UnitId.Value))
            .Select(a => new { a.UnitId, a.Action, a.IndicatorCode, a.OldValue, a.NewValue, a.UserName })
            .ToListAsync();

        // Values: one row per (unit, indicator) with the number the client sent.
        var byKey = rows.GroupBy(r => (r.UnitId, Code: codes.GetValueOrDefault(r.IndicatorId, "?" + r.IndicatorId)))
            .ToDictionary(g => g.Key, g => g.ToList());
        int expected = 0, lost = 0, wrong = 0, duplicated = 0, unexpected = 0, unacknowledgedStored = 0, neither = 0;
        var known = new HashSet<(int, string)>();
        foreach (var outcome in outcomes)
        {
            var unit = outcome.Unit;
            foreach (var (code, number) in unit.Values)
            {
                known.Add((unit.Id, code));
                var acknowledged = outcome.AcknowledgedCodes.Contains(code);
                byKey.TryGetValue((unit.Id, code), out var found);
                var count = found?.Count ?? 0;
                if (count > 1) duplicated += count - 1;
                if (acknowledged)
                {
                    expected++;
                    if (count == 0)
                    {
                        lost++;
                        problems.Add($"lost value {unit.Code}/{code}");
                    }
                    else if (found!.Any(r => r.Number != number))
                    {
                        wrong++;
                        problems.Add($"wrong value {unit.Code}/{code}: {found![0].Number} instead of {number}");
                    }
                }
                else if (count > 0)
                {
                    unacknowledgedStored++;
                }
                else
                {
                    neither++;
                }
            }
        }
        foreach (var key in byKey.Keys.Where(k => !known.Contains(k)))
        {
            unexpected += byKey[key].Count;
            problems.Add($"unexpected value row {key.UnitId}/{key.Code}");
        }

        // Submissions: one per unit, Submitted when the client was told so.
        var expectedSubmitted = outcomes.Count(o => o.SubmitAcknowledged);
        var submittedUnits = submissions.Where(s => s.Status == SubmissionStatus.Submitted).Select(s => s.UnitId).ToHashSet();
        var lostSubmissions = outcomes.Count(o => o.SubmitAcknowledged && !submittedUnits.Contains(o.Unit.Id));
        foreach (var o in outcomes.Where(o => o.SubmitAcknowledged && !submittedUnits.Contains(o.Unit.Id)))
            problems.Add($"lost submission {o.Unit.Code}");
        foreach (var g in submissions.GroupBy(s => s.UnitId).Where(g => g.Count() > 1))
            problems.Add($"{g.Count()} submissions for unit id {g.Key}");

        // Audit: one value.changed per stored value (old blank, new = the number) and one submission.submitted per
        // submitted unit, each by the unit's own account.
        var expectedAudit = new Dictionary<(int, string, string?, string?), int>();
        foreach (var outcome in outcomes)
        {
            var unit = outcome.Unit;
            foreach (var (code, number) in unit.Values)
            {
                if (!outcome.AcknowledgedCodes.Contains(code)) continue;
                expectedAudit[(unit.Id, AuditActions.ValueChanged, code, number.ToString(CultureInfo.InvariantCulture))] = 0;
            }
            if (outcome.SubmitAcknowledged) expectedAudit[(unit.Id, AuditActions.Submitted, null, null)] = 0;
        }
        var emailOf = outcomes.ToDictionary(o => o.Unit.Id, o => o.Unit.Email);
        int unexpectedAudit = 0;
        foreach (var a in audits)
        {
            var key = (a.UnitId!.Value, a.Action, a.IndicatorCode, a.NewValue);
            if (expectedAudit.TryGetValue(key, out var n) && a.UserName == emailOf[a.UnitId.Value] && a.OldValue is null)
            {
                expectedAudit[key] = n + 1;
            }
            else
            {
                // Rows of requests that failed on the client side but committed would land here too.
                unexpectedAudit++;
                if (problems.Count < 50) problems.Add($"unexpected audit row {a.UnitId}/{a.Action}/{a.IndicatorCode}={a.NewValue} by {a.UserName}");
            }
        }
        var lostAudit = expectedAudit.Count(p => p.Value == 0);
        var duplicatedAudit = expectedAudit.Sum(p => Math.Max(0, p.Value - 1));
        foreach (var p in expectedAudit.Where(p => p.Value == 0).Take(20))
            problems.Add($"lost audit row {p.Key}");

        return new VerificationResult(
            expected, rows.Count, lost, wrong, duplicated, unexpected, unacknowledgedStored, neither,
            expectedSubmitted, submittedUnits.Count, lostSubmissions, submissions.Count,
            expectedAudit.Count, audits.Count, lostAudit, duplicatedAudit, unexpectedAudit, problems);
    }
}
