using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PatientPortal.BuildingBlocks.Persistence;
using PatientPortal.BuildingBlocks.Tests.TestData;
using Shouldly;

namespace PatientPortal.BuildingBlocks.Tests.Persistence;

/// <summary>A module's PostgreSQL context prepares the statements it sends most, unless its connection string says otherwise.</summary>
public sealed class PreparedStatementsTests
{
    [Theory]
    [InlineData("Host=db.example;Database=portal;Username=portal", 64)]
    [InlineData("Host=db.example;Database=portal;Username=portal;Max Auto Prepare=0", 0)]
    [InlineData("Host=db.example;Database=portal;Username=portal;MaxAutoPrepare=5", 5)]
    public void A_PostgreSQL_context_prepares_its_statements_unless_configured(string configured, int expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Counter"] = configured,
        }).Build();
        using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddModuleDatabase<CounterDbContext, SqliteCounterDbContext, PostgresCounterDbContext>(configuration, "Counter")
            .BuildServiceProvider();
        using var scope = services.CreateScope();

        var used = new NpgsqlConnectionStringBuilder(scope.ServiceProvider.GetRequiredService<CounterDbContext>().Database.GetConnectionString());

        used.MaxAutoPrepare.ShouldBe(expected);
        (used.Host, used.Database, used.Username).ShouldBe(("db.example", "portal", "portal"));
    }
}
