using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;

namespace PatientPortal.Modules.Accounts.Data;

/// <summary>
/// The Accounts module's data, in its own "accounts" schema (PostgreSQL) or its own file (SQLite), and the portal's
/// Data Protection key ring, which encrypts the session cookies this module's sessions stand behind.
/// </summary>
internal class AccountsDbContext(DbContextOptions options) : ModuleDbContext(options), IDataProtectionKeyContext
{
    public override string Schema => "accounts";

    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<AccountToken> Tokens => Set<AccountToken>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Throttle> Throttles => Set<Throttle>();
    public DbSet<PasswordResetRequest> PasswordResetRequests => Set<PasswordResetRequest>();
    public DbSet<SecondFactor> SecondFactors => Set<SecondFactor>();
    public DbSet<SignInChallenge> SignInChallenges => Set<SignInChallenge>();
    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();
    public DbSet<TrustedBrowser> TrustedBrowsers => Set<TrustedBrowser>();

    // A property over Set<>, like the others: pooled contexts hold no state of their own.
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}

// One subclass per provider, each with its own migration set under Data/Migrations/<Provider>.
internal sealed class SqliteAccountsDbContext(DbContextOptions<SqliteAccountsDbContext> options) : AccountsDbContext(options);

internal sealed class PostgresAccountsDbContext(DbContextOptions<PostgresAccountsDbContext> options) : AccountsDbContext(options);

internal sealed class SqliteAccountsDesignTimeFactory : SqliteDesignTimeFactory<SqliteAccountsDbContext>;

internal sealed class PostgresAccountsDesignTimeFactory : PostgresDesignTimeFactory<PostgresAccountsDbContext>;
