using Serilog.Core;
using Serilog.Events;

namespace DanVan.Web.Infrastructure.Logging;

/// <summary>
/// Replaces control characters (CR, LF, ESC…) in every logged string value with U+FFFD, so that user input such as
/// the e-mail of a failed sign-in or a request path cannot write fake lines into the console or the file log.
/// </summary>
public sealed class ControlCharacterScrubber : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            var clean = Scrub(value);
            if (!ReferenceEquals(clean, value)) logEvent.AddOrUpdateProperty(new LogEventProperty(name, clean));
        }
    }

    public static string Clean(string text)
    {
        if (!text.Any(char.IsControl)) return text;
        return string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++) span[i] = char.IsControl(source[i]) ? '\uFFFD' : source[i];
        });
    }

    private static LogEventPropertyValue Scrub(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string text } when text.Any(char.IsControl) => new ScalarValue(Clean(text)),
        SequenceValue sequence when sequence.Elements.Any(e => !ReferenceEquals(Scrub(e), e)) => new SequenceValue(sequence.Elements.Select(Scrub)),
        StructureValue structure when structure.Properties.Any(p => !ReferenceEquals(Scrub(p.Value), p.Value)) =>
            new StructureValue(structure.Properties.Select(p => new LogEventProperty(p.Name, Scrub(p.Value))), structure.TypeTag),
        DictionaryValue dictionary when dictionary.Elements.Any(e => !ReferenceEquals(Scrub(e.Value), e.Value)) =>
            new DictionaryValue(dictionary.Elements.Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>(e.Key, Scrub(e.Value)))),
        _ => value,
    };
}
