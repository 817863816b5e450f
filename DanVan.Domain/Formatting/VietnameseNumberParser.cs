using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DanVan.Domain.Indicators;

namespace DanVan.Domain.Formatting;

/// <summary>The result of reading what a person typed into one field: blank, a value, or a Vietnamese error.</summary>
public readonly record struct ParsedInput(bool IsBlank, decimal? Number, string? Text, string? Error)
{
    public bool IsValid => Error is null;
    public static ParsedInput Blank => new(true, null, null, null);
    public static ParsedInput Of(decimal number) => new(false, number, null, null);
    public static ParsedInput OfText(string text) => new(false, null, text, null);
    public static ParsedInput Invalid(string error) => new(false, null, null, error);
}

/// <summary>
/// Reads numbers as Vietnamese staff type them: "50003", "50.003", "50 003"; rates "98,6".
/// Never guesses: "98.6" or "1,234" could mean two things and is refused with a message, never rescaled.
/// The browser runs the same rules (wwwroot/js/number-input.js); keep both in step.
/// </summary>
public static partial class VietnameseNumberParser
{
    public const decimal MaxCount = 999_999_999_999m;
    public const int MaxTextLength = 20_000;

    public static ParsedInput Parse(string? input, ValueKind kind)
    {
        if (input is null) return ParsedInput.Blank;
        var text = input.Normalize(NormalizationForm.FormC).Trim();
        if (text.Length == 0) return ParsedInput.Blank;

        return kind switch
        {
            ValueKind.Count => ParseCount(text),
            ValueKind.Percent => ParsePercent(text),
            ValueKind.YesNo => ParseYesNo(text),
            ValueKind.Text => text.Length > MaxTextLength
                ? ParsedInput.Invalid($"Nội dung quá dài (tối đa {VietnameseFormat.Number(MaxTextLength)} ký tự).")
                : ParsedInput.OfText(text),
            _ => ParsedInput.Invalid("Loại chỉ tiêu không được hỗ trợ."),
        };
    }

    /// <summary>Checks a number that arrived already typed (JSON): the same limits and messages as typed text.</summary>
    public static ParsedInput Check(decimal value, ValueKind kind) => kind switch
    {
        ValueKind.Count when value < 0 => ParsedInput.Invalid("Số lượng không được âm."),
        ValueKind.Count when value != decimal.Truncate(value) => ParsedInput.Invalid("Số lượng phải là số nguyên (không có phần thập phân)."),
        ValueKind.Count when value > MaxCount => ParsedInput.Invalid($"Số quá lớn (tối đa {VietnameseFormat.Number(MaxCount)})."),
        ValueKind.Percent when value is < 0 or > 100 => ParsedInput.Invalid("Tỷ lệ phải từ 0 đến 100%."),
        ValueKind.Percent when value != Math.Round(value, 2) => ParsedInput.Invalid("Tỷ lệ có tối đa 2 chữ số thập phân."),
        ValueKind.YesNo when value is not (0 or 1) => ParsedInput.Invalid("Vui lòng chọn Có (1) hoặc Không (0)."),
        ValueKind.Text => ParsedInput.Invalid("Chỉ tiêu này nhận văn bản, không nhận số."),
        _ => ParsedInput.Of(value),
    };

    /// <summary>How a stored value is shown back in an input field (the inverse of Parse).</summary>
    public static string ToInput(decimal? number, string? text, ValueKind kind) => kind switch
    {
        _ when number is null => text ?? "",
        ValueKind.YesNo => number == 1 ? "Có" : "Không",
        ValueKind.Percent => VietnameseFormat.Number(number.Value, 2),
        _ => VietnameseFormat.Number(number.Value),
    };

    private static ParsedInput ParseCount(string text)
    {
        if (text.Length > 40) return ParsedInput.Invalid("Số quá lớn.");
        var compact = SpacesRegex().Replace(text, " ");
        if (compact.StartsWith('-') || compact.StartsWith('−'))
            return ParsedInput.Invalid("Số lượng không được âm.");
        if (compact.StartsWith('+')) compact = compact[1..];
        if (PlainDigits().IsMatch(compact) || DotGroups().IsMatch(compact) || SpaceGroups().IsMatch(compact))
        {
            var digits = compact.Replace(".", "").Replace(" ", "");
            if (digits.Length > 15) return ParsedInput.Invalid($"Số quá lớn (tối đa {VietnameseFormat.Number(MaxCount)}).");
            var value = decimal.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
            return value > MaxCount
                ? ParsedInput.Invalid($"Số quá lớn (tối đa {VietnameseFormat.Number(MaxCount)}).")
                : ParsedInput.Of(value);
        }
        if (CommaDecimal().IsMatch(compact))
            return ParsedInput.Invalid("Số lượng phải là số nguyên (không có phần thập phân).");
        if (DotDecimal().IsMatch(compact) || LeadingZeroGroups().IsMatch(compact))
            return ParsedInput.Invalid("Không rõ số: dấu chấm dùng để phân cách hàng nghìn theo nhóm 3 chữ số (ví dụ 28.262).");
        return ParsedInput.Invalid("Vui lòng nhập một số nguyên, ví dụ 50003 hoặc 50.003.");
    }

    private static ParsedInput ParsePercent(string text)
    {
        if (text.Length > 20) return ParsedInput.Invalid("Tỷ lệ phải từ 0 đến 100%.");
        var body = text.EndsWith('%') ? text[..^1].TrimEnd() : text;
        if (body.StartsWith('-') || body.StartsWith('−')) return ParsedInput.Invalid("Tỷ lệ không được âm.");
        if (PercentDigits().IsMatch(body))
        {
            var value = decimal.Parse(body.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            return value > 100m ? ParsedInput.Invalid("Tỷ lệ phải từ 0 đến 100%.") : ParsedInput.Of(value);
        }
        if (DotDecimal().IsMatch(body))
            return ParsedInput.Invalid("Dùng dấu phẩy cho phần thập phân, ví dụ 98,6.");
        return ParsedInput.Invalid("Vui lòng nhập tỷ lệ phần trăm, ví dụ 98,6.");
    }

    private static ParsedInput ParseYesNo(string text)
    {
        var key = RemoveMarks(text).ToLowerInvariant();
        return key switch
        {
            "co" or "c" or "x" or "1" => ParsedInput.Of(1),
            "khong" or "k" or "0" => ParsedInput.Of(0),
            _ => ParsedInput.Invalid("Vui lòng chọn Có hoặc Không."),
        };
    }

    private static string RemoveMarks(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(c == 'đ' || c == 'Đ' ? 'd' : c);
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"[\s\u00A0\u202F\u2009]+")]
    private static partial Regex SpacesRegex();

    [GeneratedRegex(@"^[0-9]+$")]
    private static partial Regex PlainDigits();

    [GeneratedRegex(@"^[1-9][0-9]{0,2}(\.[0-9]{3})+$")]
    private static partial Regex DotGroups();

    [GeneratedRegex(@"^[1-9][0-9]{0,2}( [0-9]{3})+$")]
    private static partial Regex SpaceGroups();

    [GeneratedRegex(@"^[0-9][0-9. ]*,[0-9]+$")]
    private static partial Regex CommaDecimal();

    [GeneratedRegex(@"^0+[. ][0-9]")]
    private static partial Regex LeadingZeroGroups();

    [GeneratedRegex(@"^[0-9]+\.[0-9]+$")]
    private static partial Regex DotDecimal();

    [GeneratedRegex(@"^[0-9]{1,3}(,[0-9]{1,2})?$")]
    private static partial Regex PercentDigits();
}
