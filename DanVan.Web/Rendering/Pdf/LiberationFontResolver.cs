using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace DanVan.Web.Rendering.Pdf;

/// <summary>
/// Serves the four Liberation Serif 2.1.5 faces shipped in Fonts/ (embedded resources, SIL OFL 1.1) to PDFsharp.
/// "Times New Roman" resolves to Liberation Serif too: the fonts are metric-compatible.
/// </summary>
public sealed class LiberationFontResolver : IFontResolver
{
    public const string FamilyName = "Liberation Serif";

    public static readonly LiberationFontResolver Instance = new();

    private static readonly object Gate = new();
    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    private LiberationFontResolver()
    {
    }

    /// <summary>Installs the resolver once per process; safe to call from any thread, any number of times.</summary>
    public static void Register()
    {
        if (ReferenceEquals(GlobalFontSettings.FontResolver, Instance)) return;
        lock (Gate)
        {
            if (!ReferenceEquals(GlobalFontSettings.FontResolver, Instance)) GlobalFontSettings.FontResolver = Instance;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (!familyName.Equals(FamilyName, StringComparison.OrdinalIgnoreCase)
            && !familyName.Equals("LiberationSerif", StringComparison.OrdinalIgnoreCase)
            && !familyName.Equals("Times New Roman", StringComparison.OrdinalIgnoreCase))
            return null;
        var face = (bold, italic) switch
        {
            (true, true) => "LiberationSerif-BoldItalic",
            (true, false) => "LiberationSerif-Bold",
            (false, true) => "LiberationSerif-Italic",
            _ => "LiberationSerif-Regular",
        };
        return new FontResolverInfo(face);
    }

    public byte[]? GetFont(string faceName) => _faces.GetOrAdd(faceName, Load);

    /// <summary>The bytes of one face ("LiberationSerif-Bold") from the assembly's resources.</summary>
    public static byte[] Load(string faceName)
    {
        var name = $"DanVan.Web.Fonts.{faceName}.ttf";
        using var stream = typeof(LiberationFontResolver).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Missing font resource {name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
