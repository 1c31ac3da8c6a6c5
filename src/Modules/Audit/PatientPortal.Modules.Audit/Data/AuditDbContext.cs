using Microsoft.EntityFrameworkCore;
using PatientPortal.BuildingBlocks.Persistence;

namespace PatientPortal.Modules.Audit.Data;

/// <summary>The Audit module's data, in its own "audit" schema (PostgreSQL) or its own file (SQLite).</summary>
internal class AuditDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public override string Schema => "audit";

    public DbSet<FileAccessRecord> Accesses => Set<FileAccessRecord>();
}

// One subclass per provider, each with its own migration set under Data/Migrations/<Provider>.
internal sealed class SqliteAuditDbContext(DbContextOptions<SqliteAuditDbContext> options) : AuditDbContext(options);

internal sealed class PostgresAuditDbContext(DbContextOptions<PostgresAuditDbContext> options) : AuditDbContext(options);

internal sealed class SqliteAuditDesignTimeFactory : SqliteDesignTimeFactory<SqliteAuditDbContext>;

internal sealed class PostgresAuditDesignTimeFactory : PostgresDesignTimeFactory<PostgresAuditDbContext>;
