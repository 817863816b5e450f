using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using DanVan.Domain.Formatting;

namespace DanVan.Domain.Periods;

/// <summary>A period's identity: "2021-H1", "2021-9M", "2021-Y", "2021-Q3", "2021-M01".</summary>
public readonly record struct PeriodCode
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public PeriodCode(int year, PeriodKind kind, int number = 0)
    {
        if (year is < MinYear or > MaxYear)
            throw new ArgumentOutOfRangeException(nameof(year), $"Năm phải từ {MinYear} đến {MaxYear}.");
        var valid = kind switch
        {
            PeriodKind.Quarter => number is >= 1 and <= 4,
            PeriodKind.Month => number is >= 1 and <= 12,
            _ => number == 0,
        };
        if (!valid) throw new ArgumentOutOfRangeException(nameof(number), "Số thứ tự của kỳ không hợp lệ.");
        Year = year;
        Kind = kind;
        Number = number;
    }

    public int Year { get; }
    public PeriodKind Kind { get; }

    /// <summary>The quarter (1–4) or month (1–12); 0 for the other kinds.</summary>
    public int Number { get; }

    /// <summary>The kind as the API names it: "H1", "9M", "Y", "Q1".."Q4", "M01".."M12".</summary>
    public string KindToken => Kind switch
    {
        PeriodKind.HalfYear => "H1",
        PeriodKind.NineMonths => "9M",
        PeriodKind.Year => "Y",
        PeriodKind.Quarter => "Q" + Number.ToString(CultureInfo.InvariantCulture),
        PeriodKind.Month => "M" + Number.ToString("00", CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException(),
    };

    public override string ToString() => $"{Year.ToString(CultureInfo.InvariantCulture)}-{KindToken}";

    /// <summary>The Vietnamese name: "6 tháng đầu năm 2021", "quý II năm 2021", "tháng 02 năm 2021".</summary>
    public string Name => Kind switch
    {
        PeriodKind.HalfYear => $"6 tháng đầu năm {Year}",
        PeriodKind.NineMonths => $"9 tháng năm {Year}",
        PeriodKind.Year => $"năm {Year}",
        PeriodKind.Quarter => $"quý {ListLabels.Roman(Number)} năm {Year}",
        PeriodKind.Month => $"tháng {(Number <= 2 ? Number.ToString("00", CultureInfo.InvariantCulture) : Number.ToString(CultureInfo.InvariantCulture))} năm {Year}",
        _ => throw new InvalidOperationException(),
    };

    /// <summary>A short label for chart axes and table headers: "6T/2021", "9T/2021", "Năm 2021", "Q2/2021", "T02/2021".</summary>
    public string ShortName => Kind switch
    {
        PeriodKind.HalfYear => $"6T/{Year}",
        PeriodKind.NineMonths => $"9T/{Year}",
        PeriodKind.Year => $"Năm {Year}",
        PeriodKind.Quarter => $"Q{Number}/{Year}",
        PeriodKind.Month => $"T{Number.ToString("00", CultureInfo.InvariantCulture)}/{Year}",
        _ => throw new InvalidOperationException(),
    };

    /// <summary>The data cut-off range per Nghị định 09/2019/NĐ-CP, Điều 12.</summary>
    public (DateOnly From, DateOnly To) Cutoff => CutoffCalendar.RangeOf(this);

    public static PeriodCode FromKindToken(string kindToken, int year)
    {
        if (!TryParse($"{year.ToString(CultureInfo.InvariantCulture)}-{kindToken}", out var code))
            throw new FormatException($"Loại kỳ “{kindToken}” không hợp lệ (H1, 9M, Y, Q1–Q4, M01–M12).");
        return code;
    }

    public static PeriodCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"Mã kỳ “{text}” không hợp lệ.");

    public static bool TryParse([NotNullWhen(true)] string? text, out PeriodCode code)
    {
        code = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 12) return false;
        var dash = text.IndexOf('-');
        if (dash != 4 || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return false;
        if (year is < MinYear or > MaxYear) return false;
        var token = text[(dash + 1)..].ToUpperInvariant();
        switch (token)
        {
            case "H1": code = new PeriodCode(year, PeriodKind.HalfYear); return true;
            case "9M": code = new PeriodCode(year, PeriodKind.NineMonths); return true;
            case "Y": code = new PeriodCode(year, PeriodKind.Year); return true;
        }
        if (token.Length == 2 && token[0] == 'Q' && token[1] is >= '1' and <= '4')
        {
            code = new PeriodCode(year, PeriodKind.Quarter, token[1] - '0');
            return true;
        }
        if (token.Length == 3 && token[0] == 'M'
            && int.TryParse(token.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
        {
            code = new PeriodCode(year, PeriodKind.Month, month);
            return true;
        }
        return false;
    }
}
