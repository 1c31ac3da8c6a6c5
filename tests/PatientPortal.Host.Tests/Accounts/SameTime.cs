using System.Diagnostics;
using Shouldly;

namespace PatientPortal.Host.Tests.Accounts;

/// <summary>
/// Enumeration by timing (security checklist A4): does a request about a real account take longer than the same
/// request about an unknown one? The unknown case is measured twice, interleaved with the real one, so the run's own
/// noise is known: the real case may differ from the unknown one by no more than that noise, or than the standard error
/// of the medians. A fixed ratio (the old "within 3×") could not see a missing write in a 50 ms request.
/// </summary>
internal static class SameTime
{
    /// <summary>The test collection that runs with no other test at the same time.</summary>
    public const string Alone = "Timing, alone";

    private static readonly int[] Cases = [0, 1, 2];

    public static async Task ShouldTakeAsLongAsync(Func<Task> real, Func<Task> unknown, Func<Task> otherUnknown, int rounds)
    {
        // Warm-up: the first requests compile pages and fill caches for either case.
        for (var i = 0; i < 3; i++)
        {
            await real();
            await unknown();
            await otherUnknown();
        }

        var (r, u, o) = (new List<double>(), new List<double>(), new List<double>());
        var order = new Random(20261130);
        for (var round = 0; round < rounds; round++)
        {
            // A shuffled order each round, so drift (a job waking up, the JIT) falls on every case alike.
            foreach (var which in Cases.OrderBy(_ => order.Next()))
            {
                var (request, samples) = which switch { 0 => (real, r), 1 => (unknown, u), _ => (otherUnknown, o) };
                var watch = Stopwatch.StartNew();
                await request();
                samples.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var (realMedian, unknownMedian, otherMedian) = (Median(r), Median(u), Median(o));
        var noise = Math.Max(Math.Abs(unknownMedian - otherMedian), StandardErrorOfMedian(u));
        var summary = $"real {realMedian:F2} ms, unknown {unknownMedian:F2} ms, other unknown {otherMedian:F2} ms, noise {noise:F2} ms";
        Math.Abs(realMedian - (unknownMedian + otherMedian) / 2).ShouldBeLessThanOrEqualTo(4 * noise, summary);
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    // For roughly normal data the median's standard error is 1.2533 σ/√n; σ is estimated robustly, as 1.4826 × MAD.
    private static double StandardErrorOfMedian(List<double> values)
    {
        var median = Median(values);
        var mad = Median(values.Select(v => Math.Abs(v - median)).ToList());
        return 1.2533 * 1.4826 * mad / Math.Sqrt(values.Count);
    }
}

[CollectionDefinition(SameTime.Alone, DisableParallelization = true)]
public sealed class MeasuredAlone;
