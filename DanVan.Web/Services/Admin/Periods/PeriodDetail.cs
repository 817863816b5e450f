namespace DanVan.Web.Services.Admin.Periods;

public sealed record PeriodDetail(
    PeriodRow Period, Guid Version, bool OpenForUnits, DateOnly Today, IReadOnlyList<ParticipantRow> Units, IReadOnlyList<AuditRow> Log);
