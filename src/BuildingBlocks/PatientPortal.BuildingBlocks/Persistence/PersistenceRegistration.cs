using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PatientPortal.BuildingBlocks.Email;
using PatientPortal.BuildingBlocks.Outbox;

namespace PatientPortal.BuildingBlocks.Persistence;

public static class PersistenceRegistration
{
    /// <summary>
    /// Registers a module's DbContext on the configured provider. Each provider has its own context subclass so it
    /// can keep its own migration set; the module's code only ever asks for <typeparamref name="TContext"/>.
    /// Contexts are pooled: options, internal services and interceptors are built once, not on every request
    /// (a module context therefore holds no state of its own beyond what EF resets).
    /// </summary>
    public static IServiceCollection AddModuleDatabase<TContext, TSqlite, TPostgres>(
        this IServiceCollection services, IConfiguration configuration, string module)
        where TContext : ModuleDbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        var settings = DatabaseSettings.For(configuration, module);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // SQLite has no schemas: one file per module keeps the modules apart instead, so the warning is noise.
            // A list in a query (the profiles of an account) goes as one JSON parameter: its SQL is the same for any
            // length, so EF keeps it, where EF 10's default (a parameter per item) writes the SQL again on every run.
            services.AddDbContextPool<TContext, TSqlite>(o => o
                .UseSqlite(settings.ConnectionString, sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                .AddInterceptors(new SqliteConnectionSetup())
                .ConfigureWarnings(w => w.Ignore(SqliteEventId.SchemaConfiguredWarning)));
        }
        else
        {
            var schema = module.ToLowerInvariant();
            services.AddDbContextPool<TContext, TPostgres>(o => o.UseNpgsql(
                WithPreparedStatements(settings.ConnectionString),
                npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", schema).EnableRetryOnFailure(3)));
        }

        services.AddScoped<IModuleDatabase, ModuleDatabase<TContext>>();
        services.AddScoped<IOutboxDispatcher, OutboxDispatcher<TContext>>();
        services.AddScoped<IEmailQueueProcessor, EmailQueueProcessor<TContext>>();
        services.AddScoped<IModuleRetention, ModuleRetention<TContext>>();
        // Ready means the module's own tables answer: a bare open succeeds on a pooled connection even after the
        // database file is gone bad, so read the migrations history instead.
        services.AddHealthChecks().AddDbContextCheck<TContext>(module.ToLowerInvariant(), tags: ["ready"],
            customTestQuery: async (db, ct) => (await db.Database.GetAppliedMigrationsAsync(ct)).Any());
        return services;
    }

    /// <summary>
    /// Npgsql prepares on the server the statements a connection sends most (the module's queries are few and sent over
    /// and over), so PostgreSQL parses and plans each once per connection instead of every time: it is CPU a booking under
    /// contention waits for (bench/Appointments). A connection string that sets "Max Auto Prepare" itself wins.
    /// </summary>
    private static string WithPreparedStatements(string connectionString) =>
        connectionString.Replace(" ", "", StringComparison.Ordinal).Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)
            ? connectionString
            : new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64 }.ConnectionString;
}
