using MediatR;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.Identity;
using PatientPortal.Modules.Appointments.Data;

namespace PatientPortal.Modules.Appointments.Tests.TestData;

/// <summary>
/// The Appointments module on a real, migrated database (<see cref="ModuleHarness{TContext}"/>), with Profiles' answer
/// to "may this account act for this profile?" set by each test (<see cref="Access"/>).
/// </summary>
internal sealed class AppointmentsHarness : ModuleHarness<AppointmentsDbContext>
{
    private AppointmentsHarness(TestDatabase database, ServiceProvider services)
        : base(database, services)
    {
    }

    /// <summary>Monday 2 March 2026, 10:00 in Montreal.</summary>
    public static DateTimeOffset Start => StartTime;

    public FakeProfileAccess Access => Services.GetRequiredService<FakeProfileAccess>();

    public static async Task<AppointmentsHarness> CreateAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        return new AppointmentsHarness(database, await StartAsync(database, AppointmentsModule.Name, (services, configuration) => services
            .AddAppointmentsModule(configuration)
            .AddSingleton<FakeProfileAccess>()
            .AddTransient<IRequestHandler<MayActFor, bool>, FakeProfileAccess.Handler>()
            .AddTransient<IRequestHandler<GetMyProfiles, Result<IReadOnlyList<MyProfile>>>, FakeProfileAccess.Handler>()
            .AddTransient<IRequestHandler<GetAssignedPractitioner, Guid?>, FakeProfileAccess.Handler>(), settings));
    }

    public async Task SeedAsync(Action<AppointmentsDbContext> seed) => await QueryAsync(async db =>
    {
        seed(db);
        return await db.SaveChangesAsync();
    });
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

    /// <summary>The practitioner Profiles names as assigned to a profile (answered only to an account that may book for it).</summary>
    public Dictionary<Guid, Guid> Assigned { get; } = [];

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
        : IRequestHandler<MayActFor, bool>, IRequestHandler<GetMyProfiles, Result<IReadOnlyList<MyProfile>>>, IRequestHandler<GetAssignedPractitioner, Guid?>
    {
        public Task<bool> Handle(MayActFor request, CancellationToken cancellationToken) =>
            Task.FromResult(access.Allows(current.AccountId, request.ProfileId, request.Tab));

        public Task<Result<IReadOnlyList<MyProfile>>> Handle(GetMyProfiles request, CancellationToken cancellationToken) =>
            Task.FromResult<Result<IReadOnlyList<MyProfile>>>(access.Of(current.AccountId));

        public Task<Guid?> Handle(GetAssignedPractitioner request, CancellationToken cancellationToken) =>
            Task.FromResult(access.Allows(current.AccountId, request.ProfileId, ProfileTabs.Appointments) && access.Assigned.TryGetValue(request.ProfileId, out var id)
                ? id : (Guid?)null);
    }
}
