using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PatientPortal.BuildingBlocks;
using PatientPortal.BuildingBlocks.Messaging;
using PatientPortal.BuildingBlocks.Persistence;
using PatientPortal.Testing;

namespace PatientPortal.BuildingBlocks.Tests.TestData;

/// <summary>A miniature module, registered like the real ones, whose consumer counts the events it applies.</summary>
internal class CounterDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public override string Schema => "counter";

    public DbSet<Counter> Counters => Set<Counter>();
}

internal sealed class SqliteCounterDbContext(DbContextOptions<SqliteCounterDbContext> options) : CounterDbContext(options);

internal sealed class PostgresCounterDbContext(DbContextOptions<PostgresCounterDbContext> options) : CounterDbContext(options);

internal sealed class Counter
{
    public int Id { get; set; }
    public int Value { get; set; }
}

internal sealed record CounterIncremented(int By) : IntegrationEvent;

internal sealed class CountIncrements(CounterDbContext db, TimeProvider clock, ConsumerSwitch consumerSwitch)
    : IntegrationEventConsumer<CounterIncremented, CounterDbContext>(db, clock)
{
    protected override async Task ApplyAsync(CounterIncremented integrationEvent, CancellationToken cancellationToken)
    {
        consumerSwitch.Calls++;
        if (consumerSwitch.FailNext)
        {
            consumerSwitch.FailNext = false;
            throw new InvalidOperationException("consumer down");
        }

        var counter = await Db.Counters.SingleAsync(cancellationToken);
        counter.Value += integrationEvent.By;
    }
}

/// <summary>Lets a test make the consumer fail once, and see how often it ran.</summary>
internal sealed class ConsumerSwitch
{
    public bool FailNext { get; set; }
    public int Calls { get; set; }
}

internal sealed class CounterModule : IAsyncDisposable
{
    private readonly TestDatabase _database;

    private CounterModule(TestDatabase database, ServiceProvider services)
    {
        _database = database;
        Services = services;
    }

    public ServiceProvider Services { get; }
    public FakeTimeProvider Clock => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();
    public ConsumerSwitch Consumer => Services.GetRequiredService<ConsumerSwitch>();

    public static async Task<CounterModule> CreateAsync(DatabaseProvider provider, Action<IServiceCollection>? extra = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings("Counter")).Build();
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero)))
            .AddSingleton<ConsumerSwitch>()
            .AddBuildingBlocks(configuration)
            .AddModuleDatabase<CounterDbContext, SqliteCounterDbContext, PostgresCounterDbContext>(configuration, "Counter")
            .AddMediatorHandlersFrom(typeof(CounterModule).Assembly);
        extra?.Invoke(services);
        var built = services.BuildServiceProvider();

        using (var scope = built.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
            await db.Database.EnsureCreatedAsync();
            db.Counters.Add(new Counter { Id = 1 });
            await db.SaveChangesAsync();
        }

        return new CounterModule(database, built);
    }

    public async Task<int> CounterValueAsync()
    {
        using var scope = Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<CounterDbContext>().Counters.SingleAsync()).Value;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _database.DisposeAsync();
    }
}
