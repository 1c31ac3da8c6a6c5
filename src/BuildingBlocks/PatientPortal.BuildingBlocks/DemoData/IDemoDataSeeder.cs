namespace PatientPortal.BuildingBlocks.DemoData;

/// <summary>
/// A module's part of the Development demo clinic. The host runs every seeder once, at start-up in Development,
/// after migrations; a seeder adds its data only when its module's database is still empty.
/// </summary>
public interface IDemoDataSeeder
{
    /// <summary>Lower runs first, so a module can seed after the ones whose events it needs.</summary>
    int Order { get; }

    /// <returns>Lines to print at start-up (for example demo logins); empty when nothing was seeded.</returns>
    Task<IReadOnlyList<string>> SeedIfEmptyAsync(CancellationToken cancellationToken);
}
