namespace DanVan.Web.Services.Admin.Templates;

/// <summary>
/// Every form carries the draft's concurrency stamp as the page was shown: a change made meanwhile by another admin
/// is refused instead of overwritten. Lengths are checked by the service with field messages, not by attributes.
/// </summary>
public interface IStampedForm
{
    string? Stamp { get; set; }
}

public sealed class GeneralForm : IStampedForm
{
    public string? Stamp { get; set; }
    public string? Name { get; set; }
    public string? Title { get; set; }
    public string? Opening { get; set; }
    public string? Closing { get; set; }
}

public sealed class IndicatorForm : IStampedForm
{
    public string? Stamp { get; set; }
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Measure { get; set; }
    public string? Kind { get; set; }
    public string? Unit { get; set; }
    public string? Group { get; set; }
    public bool Required { get; set; }
    public string? Formula { get; set; }
}

public sealed class RuleForm : IStampedForm
{
    public string? Stamp { get; set; }
    public string? Code { get; set; }
    public string? Left { get; set; }
    public string? Op { get; set; }
    public string? Right { get; set; }
    public string? Severity { get; set; }
    public string? Message { get; set; }

    /// <summary>The period to try the rule on.</summary>
    public string? Period { get; set; }

    /// <summary>"check" runs the dry run only; "save" checks and saves.</summary>
    public string? Intent { get; set; }
}

public sealed class SectionForm : IStampedForm
{
    public string? Stamp { get; set; }
    public string? Parent { get; set; }
    public string? Key { get; set; }
    public string? Title { get; set; }
    public string? DefaultText { get; set; }
    public string? Writer { get; set; }
    public bool RunIn { get; set; }
}

public sealed class MoveForm : IStampedForm
{
    public string? Stamp { get; set; }

    /// <summary>"up" or "down" among siblings; for sections also "parent" (under <see cref="Parent"/>).</summary>
    public string? Direction { get; set; }

    /// <summary>With Direction "parent": the key of the new parent, empty for the top level.</summary>
    public string? Parent { get; set; }
}

public sealed class AppendixForm : IStampedForm
{
    public string? Stamp { get; set; }
    public int Level { get; set; }
    public string? Text { get; set; }
}
