namespace PatientPortal.BuildingBlocks.DemoData;

/// <summary>Work a module needs done once at every start, after migrations and in every environment (e.g. the first admin).</summary>
public interface IStartupTask
{
    /// <returns>Lines to print once at start-up (never secrets that were not just created).</returns>
    Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken);
}
