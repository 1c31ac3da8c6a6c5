using Shouldly;

namespace PatientPortal.ArchitectureTests;

internal static class Violations
{
    /// <summary>Fails with every violation on its own line, so one run shows everything to fix.</summary>
    public static void ShouldBeNone(this IReadOnlyList<string> violations) =>
        violations.ShouldBeEmpty($"{violations.Count} violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
}
