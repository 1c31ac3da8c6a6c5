using Microsoft.Extensions.Configuration;

namespace PatientPortal.BuildingBlocks.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where a module's data lives. "Database:Provider" picks SQLite (default) or Postgres for every module;
/// "ConnectionStrings:{Module}" overrides one module; with SQLite and no connection string, the module gets its own
/// file "{module}.db" in "Database:DataFolder" (default App_Data).
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseSettings For(IConfiguration configuration, string module)
    {
        var provider = Enum.Parse<DatabaseProvider>(configuration["Database:Provider"] ?? nameof(DatabaseProvider.Sqlite), ignoreCase: true);
        var configured = configuration.GetConnectionString(module);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new DatabaseSettings(provider, configured);
        }

        if (provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException($"Database:Provider is Postgres but ConnectionStrings:{module} is not set.");
        }

        var folder = Path.GetFullPath(configuration["Database:DataFolder"] ?? "App_Data");
        Directory.CreateDirectory(folder);
        // Default Timeout is the busy timeout in seconds: wait for a writer instead of failing at once (0 would wait forever).
        return new DatabaseSettings(provider, $"Data Source={Path.Combine(folder, module.ToLowerInvariant() + ".db")};Default Timeout=5;Pooling=True");
    }
}
