using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace DanVan.Tests.Browser.Support;

/// <summary>axe-core on the page as it is now: serious and critical violations fail the test; the rest are listed.</summary>
public static class Accessibility
{
    /// <summary>
    /// The page without its frames: a frame whose sandbox forbids scripts (the report preview) never answers axe's
    /// injection. Such a frame's document is checked as a page of its own (<see cref="CheckAsync"/> on its URL).
    /// </summary>
    public static async Task<IReadOnlyList<AxeResultItem>> CheckAsync(IPage page)
    {
        // Violations only: the passes of a large form are thousands of nodes to serialise for nothing.
        var result = await page.RunAxe(new AxeRunOptions { Iframes = false, ResultTypes = [ResultType.Violations] });
        return result.Violations;
    }

    public static bool Blocks(AxeResultItem violation) => violation.Impact is "serious" or "critical";

    public static string Describe(IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        foreach (var v in violations)
        {
            text.AppendLine($"  [{v.Impact}] {v.Id}: {v.Help}");
            foreach (var node in v.Nodes.Take(5)) text.AppendLine($"      {node.Target}  {Shorten(node.Html)}");
            if (v.Nodes.Length > 5) text.AppendLine($"      … and {v.Nodes.Length - 5} more");
        }
        return text.ToString();
    }

    private static string Shorten(string html) => html.Length <= 160 ? html : html[..160] + "…";
}
