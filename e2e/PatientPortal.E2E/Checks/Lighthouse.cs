using System.Globalization;
using System.Text.Json;

namespace PatientPortal.E2E.Checks;

/// <summary>A page for Lighthouse: its address and the request headers (the session and language cookies) to send.</summary>
internal sealed record LighthousePage(string Name, string Url, IReadOnlyDictionary<string, string> Headers);

/// <summary>What Lighthouse found on a page: each category's score (0 to 1) and the audits that cost points.</summary>
internal sealed record LighthouseResult(string Name, string Url, string? FinalUrl, IReadOnlyDictionary<string, double?> Scores, IReadOnlyList<string> Failing, string? RuntimeError);

/// <summary>
/// Lighthouse 13.5.0 (npm, in e2e/tools) with Debian's Chromium and Node, accessibility and best-practices categories
/// only, through e2e/tools/lighthouse-pages.mjs: one Chromium for all the pages (a run of the CLI per page starts Node and
/// Chromium each time). ADR 0020.
/// </summary>
internal static class Lighthouse
{
    public static string Script => Path.Combine(E2ETools.Folder, "lighthouse-pages.mjs");

    /// <summary>Why the Lighthouse tests cannot run here (node absent), or null.</summary>
    public static string? Unavailable => E2ETools.OnPath("node") is null
        ? "Lighthouse needs Node.js, which is absent on this machine (tests/run-all.sh installs it with apt, as CI does): `apt-get install -y nodejs npm`, then " + E2ETools.InstallHint + "."
        : null;

    public static async Task<IReadOnlyList<LighthouseResult>> RunAsync(IReadOnlyList<LighthousePage> pages)
    {
        var node = E2ETools.OnPath("node") ?? throw new InvalidOperationException(Unavailable);
        if (!Directory.Exists(Path.Combine(E2ETools.Folder, "node_modules", "lighthouse")))
        {
            throw new InvalidOperationException($"Lighthouse is not installed in {E2ETools.Folder}: {E2ETools.InstallHint}.");
        }

        var list = Path.Combine(Path.GetTempPath(), $"lighthouse-pages-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(list, JsonSerializer.Serialize(pages.Select(p => new { name = p.Name, url = p.Url, headers = p.Headers })));
        try
        {
            var (exit, output, errors) = await E2ETools.RunAsync(node, [Script, list], TimeSpan.FromMinutes(6),
                new Dictionary<string, string> { ["CHROME_PATH"] = "/usr/bin/chromium" });
            if (exit != 0)
            {
                throw new InvalidOperationException($"Lighthouse failed (exit {exit}): {errors}");
            }

            using var report = JsonDocument.Parse(output);
            return [.. report.RootElement.EnumerateArray().Select(Read)];
        }
        finally
        {
            File.Delete(list);
        }
    }

    private static LighthouseResult Read(JsonElement page)
    {
        var scores = page.GetProperty("scores").EnumerateObject()
            .ToDictionary(s => s.Name, s => s.Value.ValueKind == JsonValueKind.Number ? s.Value.GetDouble() : (double?)null);
        var failing = page.GetProperty("failing").EnumerateArray()
            .Select(f => string.Create(CultureInfo.InvariantCulture,
                $"{f.GetProperty("category").GetString()}/{f.GetProperty("audit").GetString()}: {f.GetProperty("title").GetString()} at {string.Join(" | ", f.GetProperty("where").EnumerateArray().Select(w => w.ToString()))}"))
            .ToList();
        return new LighthouseResult(
            page.GetProperty("name").GetString()!,
            page.GetProperty("url").GetString()!,
            page.GetProperty("finalUrl").GetString(),
            scores,
            failing,
            page.GetProperty("runtimeError").GetString());
    }
}

/// <summary>A theory that is skipped, with the reason, when Node.js is absent (Lighthouse runs on it).</summary>
public sealed class NodeTheoryAttribute : TheoryAttribute
{
    public NodeTheoryAttribute()
    {
        if (Lighthouse.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
