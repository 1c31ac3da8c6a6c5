using Microsoft.EntityFrameworkCore;
using PatientPortal.BuildingBlocks.Persistence;

namespace PatientPortal.Modules.Profiles.Data;

/// <summary>The Profiles module's data, in its own "profiles" schema (PostgreSQL) or its own file (SQLite).</summary>
internal class ProfilesDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public override string Schema => "profiles";

    public DbSet<Profile> Profiles => Set<Profile>();
    public DbSet<ProfileAccess> Accesses => Set<ProfileAccess>();
    public DbSet<AccessChange> AccessChanges => Set<AccessChange>();
    public DbSet<LinkSuggestion> LinkSuggestions => Set<LinkSuggestion>();
    public DbSet<ConnectionRequest> ConnectionRequests => Set<ConnectionRequest>();
    public DbSet<ConnectionAttempt> ConnectionAttempts => Set<ConnectionAttempt>();
    public DbSet<ProfileRead> ProfileReads => Set<ProfileRead>();
    public DbSet<ProfileChange> ProfileChanges => Set<ProfileChange>();

    /// <summary>Publishes every access-trail row added with this save (<see cref="Security.FileReadsPublisher"/>).</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await Security.FileReadsPublisher.AddEventsAsync(this, cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Every save of this module is asynchronous: a synchronous one would skip the trail's events, so it is refused.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("ProfilesDbContext saves asynchronously only (the access trail's events are added on SaveChangesAsync).");
}

// One subclass per provider, each with its own migration set under Data/Migrations/<Provider>.
internal sealed class SqliteProfilesDbContext(DbContextOptions<SqliteProfilesDbContext> options) : ProfilesDbContext(options);

internal sealed class PostgresProfilesDbContext(DbContextOptions<PostgresProfilesDbContext> options) : ProfilesDbContext(options);

internal sealed class SqliteProfilesDesignTimeFactory : SqliteDesignTimeFactory<SqliteProfilesDbContext>;

internal sealed class PostgresProfilesDesignTimeFactory : PostgresDesignTimeFactory<PostgresProfilesDbContext>;
