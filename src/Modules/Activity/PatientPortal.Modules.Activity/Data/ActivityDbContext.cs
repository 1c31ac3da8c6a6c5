using PatientPortal.BuildingBlocks.Persistence;

namespace PatientPortal.Modules.Activity.Data;

/// <summary>The Activity module's read model, in its own "activity" schema (PostgreSQL) or its own file (SQLite).</summary>
internal class ActivityDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public override string Schema => "activity";

    public DbSet<TimelineEntry> Entries => Set<TimelineEntry>();

    public DbSet<DeletedSubject> DeletedSubjects => Set<DeletedSubject>();

    /// <summary>Staff deleted the communication: an event about it that arrives now adds no line.</summary>
    public Task<bool> WasDeletedAsync(Guid subjectId, CancellationToken cancellationToken) =>
        DeletedSubjects.AnyAsync(d => d.SubjectId == subjectId, cancellationToken);
}

// One subclass per provider, each with its own migration set under Data/Migrations/<Provider>.
internal sealed class SqliteActivityDbContext(DbContextOptions<SqliteActivityDbContext> options) : ActivityDbContext(options);

internal sealed class PostgresActivityDbContext(DbContextOptions<PostgresActivityDbContext> options) : ActivityDbContext(options);

internal sealed class SqliteActivityDesignTimeFactory : SqliteDesignTimeFactory<SqliteActivityDbContext>;

internal sealed class PostgresActivityDesignTimeFactory : PostgresDesignTimeFactory<PostgresActivityDbContext>;
