using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PatientPortal.BuildingBlocks;
using PatientPortal.BuildingBlocks.Identity;
using PatientPortal.Modules.Appointments.Data;
using PatientPortal.Modules.Profiles.Contracts;
using PatientPortal.Testing;

namespace PatientPortal.Modules.Appointments.Tests.TestData;

/// <summary>
/// The Appointments module on a real, migrated database, with a test clock, a settable signed-in account, and Profiles'
/// answer to "may this account act for this profile?" set by each test (<see cref="Access"/>).
/// </summary>
internal sealed class AppointmentsHarness : IAsyncDisposable
{
    private readonly TestDatabase _database;

    private AppointmentsHarness(TestDatabase database, ServiceProvider services)
    {
        _database = database;
        Services = services;
    }

    /// <summary>Monday 2 March 2026, 10:00 in Montreal.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    public ServiceProvider Services { get; }
    public FakeTimeProvider Clock => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();
    public FakeCurrentAccount Current => Services.GetRequiredService<FakeCurrentAccount>();
    public FakeProfileAccess Access => Services.GetRequiredService<FakeProfileAccess>();

    public static async Task<AppointmentsHarness> CreateAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(database.Settings(AppointmentsModule.Name))
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new TestEnvironment())
            .AddSingleton<TimeProvider>(new FakeTimeProvider(Start))
            .AddSingleton<FakeCurrentAccount>()
            .AddSingleton<ICurrentAccount>(sp => sp.GetRequiredService<FakeCurrentAccount>())
            .AddSingleton<IPortalLinks, TestLinks>()
            .AddBuildingBlocks(configuration)
            .AddAppointmentsModule(configuration)
            .AddSingleton<FakeProfileAccess>()
            .AddTransient<IRequestHandler<MayActFor, bool>, FakeProfileAccess.Handler>()
            .AddTransient<IRequestHandler<GetMyProfiles, Result<IReadOnlyList<MyProfile>>>, FakeProfileAccess.Handler>()
            .BuildServiceProvider();
        using (var scope = services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppointmentsDbContext>().Database.MigrateAsync();
        }

        return new AppointmentsHarness(database, services);
    }

    public async Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public async Task<T> QueryAsync<T>(Func<AppointmentsDbContext, Task<T>> query)
    {
        using var scope = Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppointmentsDbContext>());
    }

    public async Task SeedAsync(Action<AppointmentsDbContext> seed)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppointmentsDbContext>();
        seed(db);
        await db.SaveChangesAsync();
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

    private sealed class TestLinks : IPortalLinks
    {
        public Uri To(string pathAndQuery) => new(new Uri("https://portal.test/"), pathAndQuery.TrimStart('/'));
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

/// <summary>Profiles' answer, as each test sets it: which account may open which tabs of which profile.</summary>
internal sealed class FakeProfileAccess
{
    private readonly Dictionary<(Guid Account, Guid Profile), (ProfileTabs Tabs, string Name)> _links = [];

    public void Allow(Guid accountId, Guid profileId, ProfileTabs tabs = ProfileTabs.All, string name = "Heather Milner")
    {
        lock (_links)
        {
            _links[(accountId, profileId)] = (tabs, name);
        }
    }

    public void Revoke(Guid accountId, Guid profileId)
    {
        lock (_links)
        {
            _links.Remove((accountId, profileId));
        }
    }

    private bool Allows(Guid? accountId, Guid profileId, ProfileTabs tab)
    {
        lock (_links)
        {
            return accountId is { } id && _links.TryGetValue((id, profileId), out var link) && link.Tabs.HasFlag(tab);
        }
    }

    private List<MyProfile> Of(Guid? accountId)
    {
        lock (_links)
        {
            return [.. _links.Where(l => l.Key.Account == accountId).Select(l => new MyProfile(
                l.Key.Profile, l.Value.Name.Split(' ')[0], l.Value.Name.Split(' ')[1], new DateOnly(2017, 2, 18), Relationship.Parent,
                AccessState.Active, l.Value.Tabs, null))];
        }
    }

    internal sealed class Handler(FakeProfileAccess access, ICurrentAccount current)
        : IRequestHandler<MayActFor, bool>, IRequestHandler<GetMyProfiles, Result<IReadOnlyList<MyProfile>>>
    {
        public Task<bool> Handle(MayActFor request, CancellationToken cancellationToken) =>
            Task.FromResult(access.Allows(current.AccountId, request.ProfileId, request.Tab));

        public Task<Result<IReadOnlyList<MyProfile>>> Handle(GetMyProfiles request, CancellationToken cancellationToken) =>
            Task.FromResult<Result<IReadOnlyList<MyProfile>>>(access.Of(current.AccountId));
    }
}
