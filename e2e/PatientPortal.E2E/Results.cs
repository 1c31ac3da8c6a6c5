namespace PatientPortal.E2E;

/// <summary>Where the tests leave what a person should look at: E2E_RESULTS_DIR, else e2e/results in the repository.</summary>
internal static class Results
{
    private static readonly Lazy<string> Root = new(() =>
        Environment.GetEnvironmentVariable("E2E_RESULTS_DIR") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(RepositoryRoot() ?? AppContext.BaseDirectory, "e2e", "results"));

    public static string Screenshot(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Root.Value, "screenshots")).FullName;
        return Path.Combine(folder, name);
    }

    /// <summary>
    /// A full-page screenshot named after the language the page says it is in (&lt;html lang&gt;), e.g. "login-fr.png",
    /// so a page that came out in the wrong language shows up under the wrong name rather than hiding.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var language = (await page.Locator("html").GetAttributeAsync("lang") ?? "unknown").Split('-')[0];
        await page.ScreenshotAsync(new() { Path = Screenshot($"{name}-{language}.png"), FullPage = true });
    }

    // The test binaries live deep under bin/; the repository root is the folder that holds the solution.
    internal static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PatientPortal.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
