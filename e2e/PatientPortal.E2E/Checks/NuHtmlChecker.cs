using System.Text.Json;

namespace PatientPortal.E2E.Checks;

/// <summary>
/// The Nu HTML checker (npm vnu-jar 26.9.27, with Java) on many documents at once: one Java start for a whole crawl. The
/// documents are left in e2e/results/html/ so a failure can be looked at (and checked again by hand:
/// `java -jar e2e/tools/node_modules/vnu-jar/build/dist/vnu.jar --errors-only e2e/results/html/NAME.html`).
/// </summary>
internal static class NuHtmlChecker
{
    public static string Jar => Path.Combine(E2ETools.Folder, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    /// <summary>The checker's errors (warnings aside), as "name: message (line N: extract)", for documents given by name.</summary>
    public static async Task<IReadOnlyList<string>> ErrorsAsync(IReadOnlyDictionary<string, string> documents)
    {
        if (!File.Exists(Jar))
        {
            throw new InvalidOperationException($"The Nu HTML checker is missing ({Jar}): {E2ETools.InstallHint}.");
        }

        var java = E2ETools.OnPath("java")
            ?? throw new InvalidOperationException("Java is missing for the Nu HTML checker: `apt-get install -y default-jre-headless` (tests/run-all.sh does).");
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(Results.Screenshot("x"))!, "..", "html")).FullName;
        var files = new List<string>();
        foreach (var (name, html) in documents)
        {
            var file = Path.Combine(folder, name + ".html");
            await File.WriteAllTextAsync(file, html);
            files.Add(file);
        }

        var (_, output, errors) = await E2ETools.RunAsync(java, ["-Xss1m", "-jar", Jar, "--format", "json", "--errors-only", "--exit-zero-always", "--stdout", .. files], TimeSpan.FromMinutes(5));
        if (output.Trim().Length == 0)
        {
            throw new InvalidOperationException($"The Nu HTML checker said nothing: {errors}");
        }

        using var report = JsonDocument.Parse(output);
        var problems = new List<string>();
        foreach (var message in report.RootElement.GetProperty("messages").EnumerateArray())
        {
            var url = message.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
            // The checker names each document "file:/…/NAME.html".
            var name = Path.GetFileNameWithoutExtension(url);
            var line = message.TryGetProperty("lastLine", out var l) ? l.GetInt32() : 0;
            var extract = message.TryGetProperty("extract", out var e) ? e.GetString()?.ReplaceLineEndings(" ") : null;
            problems.Add($"{name}: html {message.GetProperty("type").GetString()}: {message.GetProperty("message").GetString()} (line {line}: {extract})");
        }

        return problems;
    }
}
