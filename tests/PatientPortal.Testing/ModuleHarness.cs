using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PatientPortal.BuildingBlocks;
using PatientPortal.BuildingBlocks.Identity;
using PatientPortal.BuildingBlocks.Messaging;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Testing;

/// <summary>
/// One module on a real, migrated database (<see cref="TestDatabase"/>), with a test clock and a settable signed-in
/// account, as the module slice tests use it. A module's harness derives from this and adds only its own services
/// (<see cref="StartAsync"/>'s <c>addModule</c>) and its own helpers.
/// </summary>
public abstract class ModuleHarness<TContext> : IAsyncDisposable
    where TContext : DbContext
{
    /// <summary>Where every harness's clock starts: Monday 2 March 2026, 15:00 UTC (10:00 in Montreal).</summary>
    public static readonly DateTimeOffset StartTime = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    protected ModuleHarness(TestDatabase database, ServiceProvider services)
    {
        Database = database;
        Services = services;
    }

    /// <summary>The database under this harness (<see cref="TestDatabase.Share"/> it for a second instance).</summary>
    protected TestDatabase Database { get; }

    public ServiceProvider Services { get; }
    public FakeTimeProvider Clock => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();
    public FakeCurrentAccount Current => Services.GetRequiredService<FakeCurrentAccount>();

    /// <summary>
    /// The services every module needs (logging at Warning, configuration pointing at <paramref name="database"/>, the
    /// host environment, a <see cref="FakeTimeProvider"/> at <see cref="StartTime"/>, a <see cref="FakeCurrentAccount"/>,
    /// portal links, the building blocks), then the module's own (<paramref name="addModule"/>) and a test's swaps
    /// (<paramref name="replace"/>); the module's context is migrated before it is returned.
    /// </summary>
    /// <param name="module">The module's name: its connection string (PostgreSQL) or file (SQLite).</param>
    /// <param name="settings">Settings over the database's (they win).</param>
    /// <param name="environment">The host's environment name.</param>
    protected static async Task<ServiceProvider> StartAsync(
        TestDatabase database, string module, Func<IServiceCollection, IConfiguration, IServiceCollection> addModule,
        IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development", Action<IServiceCollection>? replace = null)
    {
        var all = database.Settings(module);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var collection = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new TestHostEnvironment(environment))
            .AddSingleton<TimeProvider>(new FakeTimeProvider(StartTime))
            .AddSingleton<FakeCurrentAccount>()
            .AddSingleton<ICurrentAccount>(sp => sp.GetRequiredService<FakeCurrentAccount>())
            .AddSingleton<IPortalLinks, TestPortalLinks>()
            .AddBuildingBlocks(configuration);
        addModule(collection, configuration);
        replace?.Invoke(collection);
        var services = collection.BuildServiceProvider();
        using (var scope = services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<TContext>().Database.MigrateAsync();
        }

        return services;
    }

    /// <summary>Sends a request as a page does: in a scope of its own.</summary>
    public async Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>
    /// One request's scope: what is sent through it shares the request's services (its context, what the request
    /// remembers), as the margin, the tab filter and the page handler of one page do. Dispose it to end the request.
    /// </summary>
    public OneRequest BeginRequest() => new(Services.CreateScope());

    /// <summary>Reads (or writes) the module's database directly, in a scope of its own.</summary>
    public async Task<T> QueryAsync<T>(Func<TContext, Task<T>> query)
    {
        using var scope = Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<TContext>());
    }

    /// <summary>Delivers an integration event as the outbox dispatcher does: in a scope of its own, to every consumer.</summary>
    public async Task DeliverAsync(IntegrationEvent integrationEvent)
    {
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(integrationEvent);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>A scope standing for one HTTP request (<see cref="ModuleHarness{TContext}.BeginRequest"/>).</summary>
public sealed class OneRequest(IServiceScope scope) : IDisposable
{
    public IServiceProvider Services => scope.ServiceProvider;

    public Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request) => Services.GetRequiredService<IMediator>().Send(request);

    public void Dispose() => scope.Dispose();
}

/// <summary>The signed-in account of a module test: set it (or <see cref="SignedInAs"/>) before sending.</summary>
public sealed class FakeCurrentAccount : ICurrentAccount
{
    public Guid? AccountId { get; set; }
    public string? Role { get; set; }
    public string Source { get; set; } = "198.51.100.1";
    public bool SecondFactorPassed { get; set; }

    /// <summary>The session's name (the access log names staff readers by it).</summary>
    public string? DisplayName { get; set; }

    public bool IsInRole(string role) => Role == role;

    /// <summary>A session of that account; it passed a second factor unless <paramref name="secondFactorPassed"/> says not (staff checks ask for it).</summary>
    public void SignedInAs(Guid accountId, string role = Roles.Patient, bool secondFactorPassed = true)
    {
        AccountId = accountId;
        Role = role;
        SecondFactorPassed = secondFactorPassed;
    }
}

/// <summary>A host environment of that name, rooted in the test's output folder, with no files to watch.</summary>
public sealed class TestHostEnvironment(string name = "Development") : IHostEnvironment
{
    public string EnvironmentName { get; set; } = name;
    public string ApplicationName { get; set; } = "PatientPortal.Tests";
    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
    public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
}

/// <summary>The portal's links go to https://portal.test/.</summary>
public class TestPortalLinks : IPortalLinks
{
    public static readonly Uri Root = new("https://portal.test/");

    public Uri To(string pathAndQuery) => new(Root, pathAndQuery.TrimStart('/'));
}
