using System.Diagnostics;

namespace PatientPortal.E2E.Checks;

/// <summary>
/// The checkers the e2e suite runs besides axe (ADR 0020): npm packages installed by tests/run-all.sh into e2e/tools
/// (`npm ci --prefix e2e/tools --ignore-scripts`), or into E2E_TOOLS_DIR, and run with Debian's Java and Node.
/// </summary>
internal static class E2ETools
{
    public static string Folder { get; } = Environment.GetEnvironmentVariable("E2E_TOOLS_DIR") is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : Path.Combine(Results.RepositoryRoot() ?? AppContext.BaseDirectory, "e2e", "tools");

    public static string InstallHint => $"run `npm ci --prefix {Folder} --ignore-scripts` (tests/run-all.sh does)";

    /// <summary>A program on the PATH (e.g. "java", "node"), or null.</summary>
    public static string? OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    /// <summary>Runs a program to its end (or <paramref name="timeout"/>) and returns its exit code and both outputs.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish in {timeout}: {await errors}");
        }

        return (process.ExitCode, await output, await errors);
    }
}
