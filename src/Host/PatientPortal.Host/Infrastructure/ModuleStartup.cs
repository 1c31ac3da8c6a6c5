using PatientPortal.BuildingBlocks.DemoData;
using PatientPortal.BuildingBlocks.Persistence;

namespace PatientPortal.Host.Infrastructure;

/// <summary>What the host does with the modules' databases before it serves anything.</summary>
public static class ModuleStartup
{
    public static async Task MigrateModuleDatabasesAsync(this IServiceProvider services, ILogger logger, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        foreach (var database in scope.ServiceProvider.GetServices<IModuleDatabase>())
        {
            await database.MigrateAsync(cancellationToken);
            logger.LogInformation("Database of module {Module} is up to date", database.Module);
        }
    }

    /// <summary>Every environment: each module's start-up work (for example the first clinic admin).</summary>
    public static async Task<IReadOnlyList<string>> RunStartupTasksAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        var lines = new List<string>();
        foreach (var task in scope.ServiceProvider.GetServices<IStartupTask>())
        {
            lines.AddRange(await task.RunAsync(cancellationToken));
        }

        return lines;
    }

    /// <summary>Development only: each module seeds its part of the demo clinic into an empty database.</summary>
    public static async Task<IReadOnlyList<string>> SeedDemoDataAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        var lines = new List<string>();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>().OrderBy(s => s.Order))
        {
            lines.AddRange(await seeder.SeedIfEmptyAsync(cancellationToken));
        }

        return lines;
    }
}
