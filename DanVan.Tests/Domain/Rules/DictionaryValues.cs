using DanVan.Domain.Expressions;

namespace DanVan.Tests.Domain.Rules;

/// <summary>An <see cref="IValueSource"/> over two dictionaries; a missing code is blank.</summary>
internal sealed class DictionaryValues(
    IReadOnlyDictionary<string, decimal?> current,
    IReadOnlyDictionary<string, decimal?>? previous = null) : IValueSource
{
    public DictionaryValues(params (string Code, decimal? Value)[] current)
        : this(current.ToDictionary(p => p.Code, p => p.Value, StringComparer.OrdinalIgnoreCase))
    {
    }

    public decimal? Current(string code) => current.TryGetValue(code, out var v) ? v : null;

    public decimal? Previous(string code) => previous is not null && previous.TryGetValue(code, out var v) ? v : null;

    /// <summary>The land-records figures (HS.DD) of 6 tháng đầu năm 2021, with the model report's wrong total.</summary>
    public static DictionaryValues LandRecords(decimal? total = 19388, decimal? carriedOver = 4058, decimal? received = 15338) =>
        new(("HS.DD.TONG", total), ("HS.DD.KYTRUOC", carriedOver), ("HS.DD.MOI", received));
}
