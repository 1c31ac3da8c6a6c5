using MediatR;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.Email;
using PatientPortal.Modules.Accounts.Contracts;
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

    /// <summary>Whom Profiles and Accounts name for each profile's emails (issue 9), as each test sets it.</summary>
    public FakeRecipients Recipients => Services.GetRequiredService<FakeRecipients>();

    /// <summary>The clinic records Profiles knows, for staff pages (issue 9: staff calendar).</summary>
    public FakePatients Patients => Services.GetRequiredService<FakePatients>();

    public Task<List<QueuedEmail>> QueuedEmailsAsync() =>
        QueryAsync(db => db.QueuedEmails.AsNoTracking().OrderBy(e => e.CreatedUtc).ThenBy(e => e.To).ToListAsync());

    public static async Task<AppointmentsHarness> CreateAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null) =>
        await OnAsync(await TestDatabase.CreateAsync(provider), settings);

    /// <summary>A second portal instance on the same database: its own services, so its own in-process state (a second process).</summary>
    public Task<AppointmentsHarness> SecondInstanceAsync(IReadOnlyDictionary<string, string?>? settings = null) => OnAsync(Database.Share(), settings);

    private static async Task<AppointmentsHarness> OnAsync(TestDatabase database, IReadOnlyDictionary<string, string?>? settings) =>
        new AppointmentsHarness(database, await StartAsync(database, AppointmentsModule.Name, (services, configuration) => services
            .AddAppointmentsModule(configuration)
            .AddSingleton<FakeProfileAccess>()
            .AddTransient<IRequestHandler<MayActFor, bool>, FakeProfileAccess.Handler>()
            .AddTransient<IRequestHandler<GetMyProfiles, Result<IReadOnlyList<MyProfile>>>, FakeProfileAccess.Handler>()
            .AddTransient<IRequestHandler<GetAssignedPractitioner, Guid?>, FakeProfileAccess.Handler>()
            .AddTransient<IRequestHandler<MayAccountActFor, bool>, FakeProfileAccess.Handler>()
            .AddTransient<IRequestHandler<RecordProfileRead, Unit>, FakeProfileAccess.Handler>()
            .AddSingleton<FakeRecipients>()
            .AddTransient<IRequestHandler<ListNotificationRecipients, NotificationRecipients>, FakeRecipients.Handler>()
            .AddTransient<IRequestHandler<GetAccountContacts, IReadOnlyList<AccountContact>>, FakeRecipients.Handler>()
            .AddSingleton<FakePatients>()
            .AddTransient<IRequestHandler<GetPatientNames, Result<IReadOnlyList<PatientName>>>, FakePatients.Handler>()
            .AddSingleton<IAppointmentLinks, TestAppointmentLinks>()
            .AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider()), settings));

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

    /// <summary>What the module put on Profiles' access trail, in order.</summary>
    public List<RecordProfileRead> Reads { get; } = [];

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
        : IRequestHandler<MayActFor, bool>, IRequestHandler<GetMyProfiles, Result<IReadOnlyList<MyProfile>>>, IRequestHandler<GetAssignedPractitioner, Guid?>,
            IRequestHandler<MayAccountActFor, bool>, IRequestHandler<RecordProfileRead, Unit>
    {
        public Task<Unit> Handle(RecordProfileRead request, CancellationToken cancellationToken)
        {
            lock (access.Reads)
            {
                access.Reads.Add(request);
            }

            return Task.FromResult(Unit.Value);
        }

        public Task<bool> Handle(MayAccountActFor request, CancellationToken cancellationToken) =>
            Task.FromResult(access.Allows(request.AccountId, request.ProfileId, request.Tab));

        public Task<bool> Handle(MayActFor request, CancellationToken cancellationToken) =>
            Task.FromResult(access.Allows(current.AccountId, request.ProfileId, request.Tab));

        public Task<Result<IReadOnlyList<MyProfile>>> Handle(GetMyProfiles request, CancellationToken cancellationToken) =>
            Task.FromResult<Result<IReadOnlyList<MyProfile>>>(access.Of(current.AccountId));

        public Task<Guid?> Handle(GetAssignedPractitioner request, CancellationToken cancellationToken) =>
            Task.FromResult(access.Allows(current.AccountId, request.ProfileId, ProfileTabs.Appointments) && access.Assigned.TryGetValue(request.ProfileId, out var id)
                ? id : (Guid?)null);
    }
}

/// <summary>
/// Profiles' and Accounts' answers for the emails, as each test sets them (their own rules are tested in their
/// modules): by default nobody is told.
/// </summary>
internal sealed class FakeRecipients
{
    private readonly Dictionary<Guid, List<AccountContact>> _recipients = [];
    private readonly HashSet<(Guid, NotificationKind)> _off = [];

    public void Add(Guid profileId, Guid accountId, string email, string language = "en-CA")
    {
        lock (_recipients)
        {
            if (!_recipients.TryGetValue(profileId, out var list))
            {
                _recipients[profileId] = list = [];
            }

            list.Add(new AccountContact(accountId, email, language));
        }
    }

    public void TurnOff(Guid profileId, NotificationKind kind)
    {
        lock (_recipients)
        {
            _off.Add((profileId, kind));
        }
    }

    internal sealed class Handler(FakeRecipients fake)
        : IRequestHandler<ListNotificationRecipients, NotificationRecipients>, IRequestHandler<GetAccountContacts, IReadOnlyList<AccountContact>>
    {
        public Task<NotificationRecipients> Handle(ListNotificationRecipients request, CancellationToken cancellationToken)
        {
            lock (fake._recipients)
            {
                return Task.FromResult(fake._off.Contains((request.ProfileId, request.Kind)) || !fake._recipients.TryGetValue(request.ProfileId, out var list)
                    ? NotificationRecipients.None
                    : new NotificationRecipients("Nathan", [.. list.Select(c => c.AccountId)]));
            }
        }

        public Task<IReadOnlyList<AccountContact>> Handle(GetAccountContacts request, CancellationToken cancellationToken)
        {
            lock (fake._recipients)
            {
                var list = fake._recipients.GetValueOrDefault(request.ProfileId) ?? [];
                return Task.FromResult<IReadOnlyList<AccountContact>>([.. list.Where(c => request.AccountIds.Contains(c.AccountId))]);
            }
        }
    }
}

/// <summary>Profiles' staff-only GetPatientNames, as each test sets the records (its own rules are tested in Profiles).</summary>
internal sealed class FakePatients
{
    private readonly Dictionary<Guid, PatientName> _records = [];

    public void Add(Guid profileId, string firstName, string lastName)
    {
        lock (_records)
        {
            _records[profileId] = new PatientName(profileId, firstName, lastName, new DateOnly(2017, 2, 18));
        }
    }

    internal sealed class Handler(FakePatients fake, ICurrentAccount current) : IRequestHandler<GetPatientNames, Result<IReadOnlyList<PatientName>>>
    {
        public Task<Result<IReadOnlyList<PatientName>>> Handle(GetPatientNames request, CancellationToken cancellationToken)
        {
            if (!StaffOnly.Allows(current))
            {
                return Task.FromResult<Result<IReadOnlyList<PatientName>>>(Error.Forbidden);
            }

            lock (fake._records)
            {
                return Task.FromResult<Result<IReadOnlyList<PatientName>>>(
                    fake._records.Where(r => request.ProfileIds.Contains(r.Key)).Select(r => r.Value).ToList());
            }
        }
    }
}

internal sealed class TestAppointmentLinks : IAppointmentLinks
{
    public string PathOf(AppointmentLink link) => link == AppointmentLink.EmailConfirm ? "/appointments/email/confirm" : "/appointments/email/cancel";
}
