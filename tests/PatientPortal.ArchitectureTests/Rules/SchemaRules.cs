using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks;
using PatientPortal.BuildingBlocks.Persistence;
using static PatientPortal.ArchitectureTests.Rules.Portal;

namespace PatientPortal.ArchitectureTests.Rules;

/// <summary>Rule 7: each module's DbContext lives in a schema named after the module, as the real registration builds it.</summary>
internal static class SchemaRules
{
    /// <summary>PostgreSQL (the provider with schemas) for the module; building a model opens no connection.</summary>
    public static IConfiguration PostgresConfigurationFor(string module) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = nameof(DatabaseProvider.Postgres),
                [$"ConnectionStrings:{module}"] = "Host=localhost;Database=unused",
            })
            .Build();

    /// <summary>Registers the building blocks and the module through its entry point, then checks the module's DbContext.</summary>
    public static IReadOnlyList<string> ModuleSchemaIsItsName(string module)
    {
        var configuration = PostgresConfigurationFor(module);
        var services = new ServiceCollection().AddBuildingBlocks(configuration);
        var entryPoint = Type.GetType($"{EntryClassOf(module)}, {ImplementationOf(module)}")
            ?.GetMethod($"Add{module}Module", [typeof(IServiceCollection), typeof(IConfiguration)]);
        if (entryPoint is null)
        {
            return [$"{EntryClassOf(module)}.Add{module}Module(IServiceCollection, IConfiguration) is missing"];
        }

        entryPoint.Invoke(null, [services, configuration]);
        return DbContextSchemasAre(module.ToLowerInvariant(), services);
    }

    /// <summary>Every ModuleDbContext the services register must have <paramref name="schema"/> as default schema and migrations-history schema.</summary>
    public static IReadOnlyList<string> DbContextSchemasAre(string schema, IServiceCollection services)
    {
        var contextTypes = services.Select(d => d.ServiceType).Where(t => t.IsSubclassOf(typeof(ModuleDbContext))).Distinct().ToList();
        if (contextTypes.Count == 0)
        {
            return ["no ModuleDbContext is registered"];
        }

        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        var violations = new List<string>();
        foreach (var contextType in contextTypes)
        {
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(contextType);
            var defaultSchema = context.Model.GetDefaultSchema();
            if (defaultSchema != schema)
            {
                violations.Add($"{contextType.FullName} has default schema '{defaultSchema}', expected '{schema}'");
            }

            var historySchema = RelationalOptionsExtension.Extract(context.GetService<IDbContextOptions>()).MigrationsHistoryTableSchema;
            if (historySchema != schema)
            {
                violations.Add($"{contextType.FullName} keeps its migrations history in schema '{historySchema}', expected '{schema}'");
            }
        }

        return violations;
    }
}
