using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.xUnit;
using Shouldly;

namespace PatientPortal.ArchitectureTests;

internal static class Violations
{
    /// <summary>Fails with every violation on its own line, so one run shows everything to fix.</summary>
    public static void ShouldBeNone(this IReadOnlyList<string> violations) =>
        violations.ShouldBeEmpty($"{violations.Count} violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");

    /// <summary>
    /// The rule fails on the architecture, exactly <paramref name="offenders"/> break it, and the failure the test runner
    /// shows names each of them.
    /// </summary>
    public static void ShouldCatchExactly(this IArchRule rule, Architecture architecture, params string[] offenders)
    {
        var failure = Should.Throw<FailedArchRuleException>(() => rule.Check(architecture));
        rule.Evaluate(architecture).Where(result => !result.Passed).Select(NameOf).Distinct().ShouldBe(offenders, ignoreOrder: true);
        foreach (var offender in offenders)
        {
            failure.Message.ShouldContain(offender);
        }
    }

    // A failing type, or the rule itself when it found nothing to check (ArchUnitNET's "requires positive evaluation").
    private static string NameOf(EvaluationResult result) =>
        result.EvaluatedObject is ICanBeAnalyzed type ? type.FullName : $"{result.Description} (no {result.ArchRule.Description})";
}
