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
}

// One subclass per provider, each with its own migration set under Data/Migrations/<Provider>.
internal sealed class SqliteProfilesDbContext(DbContextOptions<SqliteProfilesDbContext> options) : ProfilesDbContext(options);

internal sealed class PostgresProfilesDbContext(DbContextOptions<PostgresProfilesDbContext> options) : ProfilesDbContext(options);

internal sealed class SqliteProfilesDesignTimeFactory : SqliteDesignTimeFactory<SqliteProfilesDbContext>;

internal sealed class PostgresProfilesDesignTimeFactory : PostgresDesignTimeFactory<PostgresProfilesDbContext>;
