using MediatR;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.Identity;
using PatientPortal.BuildingBlocks.Messaging;
using PatientPortal.Modules.Activity.Data;

namespace PatientPortal.Modules.Activity.Tests.TestData;

/// <summary>
/// The Activity module on a real, migrated database (<see cref="ModuleHarness{TContext}"/>), with Profiles' answer
/// (what the signed-in account is to which profile, and which tabs its link opens) set by each test.
/// </summary>
internal sealed class ActivityHarness : ModuleHarness<ActivityDbContext>
{
    private ActivityHarness(TestDatabase database, ServiceProvider services)
        : base(database, services)
    {
    }

    public FakeProfileLinks Links => Services.GetRequiredService<FakeProfileLinks>();

    public static async Task<ActivityHarness> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        return new ActivityHarness(database, await StartAsync(database, ActivityModule.Name, (services, configuration) => services
            .AddActivityModule(configuration)
            .AddSingleton<FakeProfileLinks>()
            .AddTransient<IRequestHandler<GetSelectedProfile, Result<SelectedProfile>>, FakeProfileLinks.Handler>()));
    }

    /// <summary>An event as its publisher's outbox stamps it: at the harness's clock.</summary>
    public Task PublishAsync(IntegrationEvent integrationEvent) => DeliverAsync(integrationEvent with { OccurredUtc = Clock.GetUtcNow() });

    public async Task<IReadOnlyList<ActivityLine>> LinesAsync(Guid accountId, Guid profileId, int count = 8)
    {
        Current.SignedInAs(accountId);
        var result = await SendAsync(new ListRecentActivity(profileId, count));
        result.Errors.ShouldBeEmpty();
        return result.Value;
    }
}

/// <summary>Profiles' GetSelectedProfile as each test sets the links: the requested profile when linked, else refused (the own one).</summary>
internal sealed class FakeProfileLinks
{
    private readonly Dictionary<(Guid Account, Guid Profile), (Relationship Relationship, ProfileTabs Tabs)> _links = [];

    public List<(Guid Account, Guid? Requested)> Asked { get; } = [];

    public void Own(Guid accountId, Guid profileId) => Set(accountId, profileId, Relationship.Self, ProfileTabs.All);

    public void Proxy(Guid accountId, Guid profileId, ProfileTabs tabs) => Set(accountId, profileId, Relationship.Parent, tabs);

    public void Revoke(Guid accountId, Guid profileId)
    {
        lock (_links)
        {
            _links.Remove((accountId, profileId));
        }
    }

    private void Set(Guid accountId, Guid profileId, Relationship relationship, ProfileTabs tabs)
    {
        lock (_links)
        {
            _links[(accountId, profileId)] = (relationship, tabs);
        }
    }

    internal sealed class Handler(FakeProfileLinks fake, ICurrentAccount current) : IRequestHandler<GetSelectedProfile, Result<SelectedProfile>>
    {
        public Task<Result<SelectedProfile>> Handle(GetSelectedProfile request, CancellationToken cancellationToken)
        {
            lock (fake._links)
            {
                if (current.AccountId is not { } accountId)
                {
                    return Task.FromResult<Result<SelectedProfile>>(Error.Forbidden);
                }

                fake.Asked.Add((accountId, request.Requested));
                if (request.Requested is { } requested && fake._links.TryGetValue((accountId, requested), out var link))
                {
                    return Task.FromResult<Result<SelectedProfile>>(Selected(requested, link.Relationship, link.Tabs, refused: false));
                }

                var own = fake._links.FirstOrDefault(l => l.Key.Account == accountId && l.Value.Relationship == Relationship.Self);
                return Task.FromResult<Result<SelectedProfile>>(own.Key == default
                    ? Error.NotFound
                    : Selected(own.Key.Profile, Relationship.Self, ProfileTabs.All, refused: request.Requested is not null));
            }
        }

        private static SelectedProfile Selected(Guid profileId, Relationship relationship, ProfileTabs tabs, bool refused) =>
            new(profileId, "Nathan", "Milner", new DateOnly(2017, 2, 18), relationship, tabs, refused);
    }
}
