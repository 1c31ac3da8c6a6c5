using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PatientPortal.BuildingBlocks;
using PatientPortal.BuildingBlocks.Persistence;
using Xunit;

namespace PatientPortal.Testing;

/// <summary>
/// What every module's database must do, on SQLite and on PostgreSQL: each module's test project runs these
/// through the module's real entry point (Add&lt;Module&gt;Module).
/// </summary>
public abstract class ModuleDatabaseContract(string module, Func<IServiceCollection, IConfiguration, IServiceCollection> addModule)
{
    private string Schema => module.ToLowerInvariant();

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Migrations_create_the_module_s_tables_in_its_own_schema_and_can_run_again(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);

        await MigrateAsync(services);
        await MigrateAsync(services);

        using var scope = services.CreateScope();
        var tables = await TablesAsync(Context(scope), provider);
        foreach (var table in new[] { "__EFMigrationsHistory", "OutboxMessages", "ProcessedEvents", "QueuedEmails" })
        {
            Assert.Contains(table, tables);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_migrations_match_the_model(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Services(database);
        using var scope = services.CreateScope();

        Assert.False(Context(scope).Database.HasPendingModelChanges(),
            $"The {module} model has changes with no {provider} migration: run src/Host/PatientPortal.DesignTime/add-migration.sh {module} <Name>.");
    }

    [Fact]
    public async Task The_module_s_schema_is_its_name()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = Services(database);
        using var scope = services.CreateScope();

        Assert.Equal(Schema, Context(scope).Model.GetDefaultSchema());
    }

    // The modules' SQLite connections carry none of EF Core's decimal functions and collation (SqliteConnectionSetup):
    // a query comparing, adding or sorting decimals would fail there, so a module that needs one decides it here.
    [Fact]
    public async Task The_model_has_no_decimal_property()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = Services(database);
        using var scope = services.CreateScope();

        var decimals = Context(scope).Model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Where(p => Nullable.GetUnderlyingType(p.ClrType) is { } underlying ? underlying == typeof(decimal) : p.ClrType == typeof(decimal))
            .Select(p => $"{p.DeclaringType.DisplayName()}.{p.Name}");
        Assert.Empty(decimals);
    }

    private ServiceProvider Services(TestDatabase database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings(module)).Build();
        var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddBuildingBlocks(configuration);
        return addModule(services, configuration).BuildServiceProvider();
    }

    private static async Task MigrateAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        foreach (var database in scope.ServiceProvider.GetServices<IModuleDatabase>())
        {
            await database.MigrateAsync(CancellationToken.None);
        }
    }

    // The module's DbContext type is internal to it: find it through its registration, as the host would.
    private static ModuleDbContext Context(IServiceScope scope)
    {
        var contextType = scope.ServiceProvider.GetServices<IModuleDatabase>().Single().GetType().GenericTypeArguments[0];
        return (ModuleDbContext)scope.ServiceProvider.GetRequiredService(contextType);
    }

    private async Task<List<string>> TablesAsync(ModuleDbContext db, DatabaseProvider provider)
    {
        var sql = provider == DatabaseProvider.Postgres
            ? $"SELECT table_name FROM information_schema.tables WHERE table_schema = '{Schema}'"
            : "SELECT name FROM sqlite_master WHERE type = 'table'";
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
