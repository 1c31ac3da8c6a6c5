using Microsoft.EntityFrameworkCore;

namespace PatientPortal.BuildingBlocks.Persistence;

/// <summary>A module's database as the host sees it: it can be migrated and asked whether it holds any data yet.</summary>
public interface IModuleDatabase
{
    string Module { get; }

    Task MigrateAsync(CancellationToken cancellationToken);
}

internal sealed class ModuleDatabase<TContext>(TContext db) : IModuleDatabase where TContext : ModuleDbContext
{
    public string Module => db.Schema;

    public Task MigrateAsync(CancellationToken cancellationToken) => db.Database.MigrateAsync(cancellationToken);
}
