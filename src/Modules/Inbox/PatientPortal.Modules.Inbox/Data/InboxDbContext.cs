using Microsoft.EntityFrameworkCore;
using PatientPortal.BuildingBlocks.Persistence;

namespace PatientPortal.Modules.Inbox.Data;

/// <summary>The Inbox module's data, in its own "inbox" schema (PostgreSQL) or its own file (SQLite).</summary>
internal class InboxDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public override string Schema => "inbox";

    public DbSet<Communication> Communications => Set<Communication>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<FileCleanup> FileCleanups => Set<FileCleanup>();
}

// One subclass per provider, each with its own migration set under Data/Migrations/<Provider>.
internal sealed class SqliteInboxDbContext(DbContextOptions<SqliteInboxDbContext> options) : InboxDbContext(options);

internal sealed class PostgresInboxDbContext(DbContextOptions<PostgresInboxDbContext> options) : InboxDbContext(options);

internal sealed class SqliteInboxDesignTimeFactory : SqliteDesignTimeFactory<SqliteInboxDbContext>;

internal sealed class PostgresInboxDesignTimeFactory : PostgresDesignTimeFactory<PostgresInboxDbContext>;
