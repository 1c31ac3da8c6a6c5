using System.Text;

namespace PatientPortal.E2E;

/// <summary>
/// What each open page showed when a journey failed, appended to the failure: CI keeps only the test log, and a
/// failure that happens only under a full run's load must say what the browser saw.
/// </summary>
internal static class FailureReport
{
    private const int MaxTextPerPage = 1500;

    public static async Task RunAsync(Func<Task> journey, params IBrowserContext[] browsers)
    {
        try
        {
            await journey();
        }
        catch (Exception failure)
        {
            throw new JourneyFailedException(failure.Message + Environment.NewLine + await DescribeAsync(browsers), failure);
        }
    }

    private static async Task<string> DescribeAsync(IEnumerable<IBrowserContext> browsers)
    {
        var report = new StringBuilder("What the pages showed:").AppendLine();
        foreach (var page in browsers.SelectMany(b => b.Pages))
        {
            report.Append("--- ").AppendLine(page.Url);
            try
            {
                var text = await page.InnerTextAsync("body", new() { Timeout = 2000 });
                report.AppendLine(text.Length > MaxTextPerPage ? text[..MaxTextPerPage] + " …" : text);
            }
            catch (PlaywrightException unreadable)
            {
                report.AppendLine($"(unreadable: {unreadable.Message})");
            }
        }

        return report.ToString();
    }
}

internal sealed class JourneyFailedException(string message, Exception inner) : Exception(message, inner);
