using MediatR;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.Identity;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Audit.Data;

namespace PatientPortal.Modules.Audit.Tests.TestData;

/// <summary>The Audit module on a real, migrated database, with Profiles' MayActFor answered as each test sets it.</summary>
internal sealed class AuditHarness : ModuleHarness<AuditDbContext>
{
    public static readonly Guid Staff = Guid.Parse("5a000000-0000-0000-0000-000000000001");
    public static readonly Guid Heather = Guid.Parse("0a000000-0000-0000-0000-000000000001");
    public static readonly Guid HeatherProfile = Guid.Parse("0b000000-0000-0000-0000-000000000001");
    public static readonly Guid NathanProfile = Guid.Parse("0b000000-0000-0000-0000-000000000002");
    public static readonly Guid Caregiver = Guid.Parse("0a000000-0000-0000-0000-000000000002");

    private AuditHarness(TestDatabase database, ServiceProvider services)
        : base(database, services)
    {
    }

    public FakeLinks Links => Services.GetRequiredService<FakeLinks>();

    /// <summary>What this module put on Profiles' access trail.</summary>
    public IReadOnlyList<RecordProfileRead> Trail => Services.GetRequiredService<TrailReads>().Reads;

    public static async Task<AuditHarness> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        return new AuditHarness(database, await StartAsync(database, AuditModule.Name, (services, configuration) => services
            .AddAuditModule(configuration)
            .AddSingleton<FakeLinks>()
            .AddTransient<IRequestHandler<MayActFor, bool>, FakeLinks.Handler>()
            .AddSingleton<TrailReads>()
            .AddTransient<IRequestHandler<RecordProfileRead, Unit>, TrailReads.Handler>()));
    }

    public void SignedInAsStaff() => Current.SignedInAs(Staff, Roles.Staff);

    public void SignedInAs(Guid account) => Current.SignedInAs(account);

    /// <summary>A read as Profiles publishes it, at the harness's clock (then the clock moves on a second).</summary>
    public ProfileFileRead Read(
        Guid profileId, Guid? reader = null, string role = "Self", string name = "Heather Milner", string kind = FileReadKinds.Page,
        string what = "appointments", Guid? objectId = null, bool allowed = true, string? staffRole = null)
    {
        var read = new ProfileFileRead(profileId, reader ?? Heather, role, name, staffRole, kind, what, objectId, allowed, Clock.GetUtcNow());
        Clock.Advance(TimeSpan.FromSeconds(1));
        return read;
    }

    public Task<List<Domain.FileAccessRecord>> RowsAsync() => QueryAsync(db => db.Accesses.AsNoTracking().ToListAsync());
}

/// <summary>Profiles' answer: which account holds which tabs on which profile now.</summary>
internal sealed class FakeLinks
{
    private readonly Dictionary<(Guid Account, Guid Profile), ProfileTabs> _links = [];

    public void Allow(Guid accountId, Guid profileId, ProfileTabs tabs = ProfileTabs.All) => _links[(accountId, profileId)] = tabs;

    internal sealed class Handler(FakeLinks links, ICurrentAccount current) : IRequestHandler<MayActFor, bool>
    {
        public Task<bool> Handle(MayActFor request, CancellationToken cancellationToken) =>
            Task.FromResult(current.AccountId is { } id && links._links.TryGetValue((id, request.ProfileId), out var tabs) && tabs.HasFlag(request.Tab));
    }
}

/// <summary>Profiles' access trail, as far as this module writes to it.</summary>
internal sealed class TrailReads
{
    public List<RecordProfileRead> Reads { get; } = [];

    internal sealed class Handler(TrailReads trail) : IRequestHandler<RecordProfileRead, Unit>
    {
        public Task<Unit> Handle(RecordProfileRead request, CancellationToken cancellationToken)
        {
            lock (trail.Reads)
            {
                trail.Reads.Add(request);
            }

            return Task.FromResult(Unit.Value);
        }
    }
}
