namespace DanVan.Domain.Submissions;

/// <summary>A unit's text for one section of the report (plain paragraphs; line breaks kept).</summary>
public class Narrative
{
    private Narrative()
    {
        SectionKey = "";
        Text = "";
    }

    public int Id { get; private set; }
    public int SubmissionId { get; private set; }
    public string SectionKey { get; private set; }
    public string Text { get; private set; }

    internal static Narrative Create(string sectionKey, string text) => new() { SectionKey = sectionKey, Text = text };

    internal void Update(string text) => Text = text;
}

/// <summary>Giải trình: the unit's explanation of a violated rule.</summary>
public class Explanation
{
    private Explanation()
    {
        RuleCode = "";
        Text = "";
    }

    public int Id { get; private set; }
    public int SubmissionId { get; private set; }
    public string RuleCode { get; private set; }
    public string Text { get; private set; }

    internal static Explanation Create(string ruleCode, string text) => new() { RuleCode = ruleCode, Text = text };

    internal void Update(string text) => Text = text;
}
