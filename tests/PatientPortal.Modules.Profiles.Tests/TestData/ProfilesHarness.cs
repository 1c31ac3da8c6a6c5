using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PatientPortal.BuildingBlocks;
using PatientPortal.BuildingBlocks.Identity;
using PatientPortal.BuildingBlocks.Messaging;
using PatientPortal.Modules.Profiles.Data;
using PatientPortal.Testing;

namespace PatientPortal.Modules.Profiles.Tests.TestData;

/// <summary>The Profiles module on a real, migrated database, with a test clock and a settable signed-in account.</summary>
internal sealed class ProfilesHarness : IAsyncDisposable
{
    private readonly TestDatabase _database;

    private ProfilesHarness(TestDatabase database, ServiceProvider services)
    {
        _database = database;
        Services = services;
    }

    public ServiceProvider Services { get; }
    public FakeTimeProvider Clock => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();
    public FakeCurrentAccount Current => Services.GetRequiredService<FakeCurrentAccount>();

    public static async Task<ProfilesHarness> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings(ProfilesModule.Name)).Build();
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new TestEnvironment())
            .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero)))
            .AddSingleton<FakeCurrentAccount>()
            .AddSingleton<ICurrentAccount>(sp => sp.GetRequiredService<FakeCurrentAccount>())
            .AddSingleton<IPortalLinks, TestLinks>()
            .AddSingleton<IProfileLinks, TestLinks>()
            .AddSignInEmails()
            .AddBuildingBlocks(configuration)
            .AddProfilesModule(configuration)
            .AddFakePatientAccounts()
            .BuildServiceProvider();
        using (var scope = services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProfilesDbContext>().Database.MigrateAsync();
        }

        return new ProfilesHarness(database, services);
    }

    /// <summary>Delivers an integration event as the outbox dispatcher does: in a scope of its own, to every consumer.</summary>
    public async Task DeliverAsync(IntegrationEvent integrationEvent)
    {
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(integrationEvent);
    }

    public async Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public async Task<T> QueryAsync<T>(Func<ProfilesDbContext, Task<T>> query)
    {
        using var scope = Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<ProfilesDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";
        public string ApplicationName { get; set; } = "PatientPortal.Tests";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

    private sealed class TestLinks : IPortalLinks, IProfileLinks
    {
        public Uri To(string pathAndQuery) => new(new Uri("https://portal.test/"), pathAndQuery.TrimStart('/'));

        public string PathOf(ProfileLink link) => "/account/connections";
    }
}

internal sealed class FakeCurrentAccount : ICurrentAccount
{
    public Guid? AccountId { get; set; }
    public string? Role { get; set; }
    public string Source { get; set; } = "198.51.100.1";
    public bool SecondFactorPassed { get; set; }

    public bool IsInRole(string role) => Role == role;
}
