using System.Text;

namespace DanVan.Domain.Signing;

/// <summary>The one rule for comparing a certificate's CN with an expected name: Unicode NFC, trimmed, runs of white
/// space as one space, case-insensitive (ordinal, so "Đ" and "đ" match but "Duệ" and "Due" do not).</summary>
public static class SignerName
{
    public static string Normalise(string? name)
    {
        var nfc = (name ?? "").Normalize(NormalizationForm.FormC);
        return string.Join(' ', nfc.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    public static bool Matches(string? commonName, string? expected)
    {
        var a = Normalise(commonName);
        return a.Length > 0 && string.Equals(a, Normalise(expected), StringComparison.OrdinalIgnoreCase);
    }
}
