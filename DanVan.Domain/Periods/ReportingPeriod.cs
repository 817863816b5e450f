using DanVan.Domain.Common;

namespace DanVan.Domain.Periods;

/// <summary>Kỳ báo cáo. Created from a kind and a year; its cut-off range is derived, never typed.</summary>
public class ReportingPeriod
{
    /// <summary>Days after the cut-off end by which units must have sent their figures (editable per period).</summary>
    public const int DefaultUnitDeadlineDays = 2;

    /// <summary>Days after the cut-off end by which the office must send the report (editable per period).</summary>
    public const int DefaultSendDeadlineDays = 6;

    private readonly List<PeriodParticipant> _participants = [];

    private ReportingPeriod()
    {
        Code = "";
        Name = "";
    }

    public int Id { get; private set; }
    public string Code { get; private set; }
    public PeriodKind Kind { get; private set; }
    public int Year { get; private set; }
    public int Number { get; private set; }
    public string Name { get; private set; }
    public DateOnly CutoffFrom { get; private set; }
    public DateOnly CutoffTo { get; private set; }
    public DateOnly UnitDeadline { get; private set; }
    public DateOnly SendDeadline { get; private set; }
    public bool IsLocked { get; private set; }

    /// <summary>Reminder days before the unit deadline, e.g. "7,3,0,-1" (see Notifications.ReminderSchedule).</summary>
    public string ReminderOffsets { get; private set; } = Notifications.ReminderSchedule.DefaultOffsets;

    /// <summary>The template version the period was opened with; later template edits do not change it.</summary>
    public int TemplateId { get; private set; }

    /// <summary>Generated illustrative history for demo charts ("Dữ liệu minh họa"); never created outside demo mode.</summary>
    public bool IsIllustrative { get; private set; }

    /// <summary>Optimistic concurrency token, renewed on every change (two admins editing one period).</summary>
    public Guid Version { get; private set; }

    /// <summary>The units taking part (see <see cref="PeriodParticipant"/>).</summary>
    public IReadOnlyCollection<PeriodParticipant> Participants => _participants;

    public PeriodCode PeriodCode => new(Year, Kind, Number);

    public static ReportingPeriod Create(PeriodCode code, int templateId, bool illustrative = false)
    {
        var (from, to) = code.Cutoff;
        return new ReportingPeriod
        {
            Code = code.ToString(),
            Kind = code.Kind,
            Year = code.Year,
            Number = code.Number,
            Name = code.Name,
            CutoffFrom = from,
            CutoffTo = to,
            UnitDeadline = to.AddDays(DefaultUnitDeadlineDays),
            SendDeadline = to.AddDays(DefaultSendDeadlineDays),
            TemplateId = templateId,
            IsIllustrative = illustrative,
            Version = Guid.NewGuid(),
        };
    }

    /// <summary>Adds units to the period's participants (those already in are skipped); returns the ones added.</summary>
    public IReadOnlyList<int> Enrol(IEnumerable<int> unitIds)
    {
        var added = new List<int>();
        foreach (var unitId in unitIds)
        {
            if (_participants.Any(p => p.UnitId == unitId) || added.Contains(unitId)) continue;
            _participants.Add(PeriodParticipant.Create(Id, unitId));
            added.Add(unitId);
        }
        if (added.Count > 0) Version = Guid.NewGuid();
        return added;
    }

    /// <summary>What is wrong with these deadlines, per field (null when nothing is).</summary>
    public (string? UnitDeadline, string? SendDeadline) CheckDeadlines(DateOnly unitDeadline, DateOnly sendDeadline) => (
        unitDeadline < CutoffFrom ? "Hạn gửi của đơn vị không được trước ngày bắt đầu chốt số liệu." : null,
        sendDeadline < unitDeadline ? "Hạn gửi báo cáo không được trước hạn gửi của đơn vị." : null);

    public void SetDeadlines(DateOnly unitDeadline, DateOnly sendDeadline)
    {
        var (unitError, sendError) = CheckDeadlines(unitDeadline, sendDeadline);
        if ((unitError ?? sendError) is { } error) throw new DomainException(error);
        UnitDeadline = unitDeadline;
        SendDeadline = sendDeadline;
        Version = Guid.NewGuid();
    }

    /// <summary>Sets the reminder days from text such as "7, 3, 0, -1"; a DomainException in Vietnamese when invalid.</summary>
    public void SetReminderOffsets(string? text)
    {
        var (offsets, error) = Notifications.ReminderSchedule.Parse(text);
        if (error is not null) throw new DomainException(error);
        ReminderOffsets = Notifications.ReminderSchedule.Format(offsets);
        Version = Guid.NewGuid();
    }

    public IReadOnlyList<int> ReminderOffsetList => Notifications.ReminderSchedule.Parse(ReminderOffsets).Offsets;

    public void Lock()
    {
        if (IsLocked) throw new DomainException("Kỳ báo cáo đã khóa.");
        IsLocked = true;
        Version = Guid.NewGuid();
    }

    public void Reopen()
    {
        if (!IsLocked) throw new DomainException("Kỳ báo cáo đang mở, không cần mở lại.");
        IsLocked = false;
        Version = Guid.NewGuid();
    }

    /// <summary>Units may write while the period is not locked and its unit deadline has not passed.</summary>
    public bool IsOpenForUnits(DateOnly today) => !IsLocked && today <= UnitDeadline;

    public int DaysToUnitDeadline(DateOnly today) => UnitDeadline.DayNumber - today.DayNumber;
}
