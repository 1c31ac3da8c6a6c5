using MediatR;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.Email;
using PatientPortal.BuildingBlocks.Identity;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Appointments.Contracts;
using PatientPortal.Modules.Inbox.Data;
using PatientPortal.Modules.Inbox.Storage;

namespace PatientPortal.Modules.Inbox.Tests.TestData;

/// <summary>
/// The Inbox module on a real, migrated database (<see cref="ModuleHarness{TContext}"/>), with Profiles' answers
/// (who may open which tab, the emails' recipients, the clinic's records, the access trail) and Appointments' (the
/// clinic's practitioners and sites) set by each test.
/// </summary>
internal sealed class InboxHarness : ModuleHarness<InboxDbContext>
{
    public static readonly Guid Staff = Guid.Parse("5a000000-0000-0000-0000-000000000001");

    private InboxHarness(TestDatabase database, ServiceProvider services)
        : base(database, services)
    {
    }

    public FakeProfileAccess Access => Services.GetRequiredService<FakeProfileAccess>();
    public FakeRecipients Recipients => Services.GetRequiredService<FakeRecipients>();
    public FakePatients Patients => Services.GetRequiredService<FakePatients>();
    public FakeClinic Clinic => Services.GetRequiredService<FakeClinic>();
    public IAttachmentStore Store => Services.GetRequiredService<IAttachmentStore>();

    /// <summary>Where the filesystem store keeps the files (under the test's folder).</summary>
    public string AttachmentsFolder => ActivatorUtilities.CreateInstance<FileSystemAttachmentStore>(Services).Root;

    public static async Task<InboxHarness> CreateAsync(
        DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? replace = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        return new InboxHarness(database, await StartAsync(database, InboxModule.Name, (services, configuration) => services
            .AddInboxModule(configuration)
            .AddSingleton<FakeProfileAccess>()
            .AddTransient<IRequestHandler<MayActFor, bool>, FakeProfileAccess.Handler>()
            .AddTransient<IRequestHandler<RecordProfileRead, Unit>, FakeProfileAccess.Handler>()
            .AddTransient<IRequestHandler<GetMyProfiles, Result<IReadOnlyList<MyProfile>>>, FakeProfileAccess.Handler>()
            .AddSingleton<FakeRecipients>()
            .AddTransient<IRequestHandler<ListNotificationRecipients, NotificationRecipients>, FakeRecipients.Handler>()
            .AddTransient<IRequestHandler<GetAccountContacts, IReadOnlyList<AccountContact>>, FakeRecipients.Handler>()
            .AddSingleton<FakePatients>()
            .AddTransient<IRequestHandler<GetPatientNames, Result<IReadOnlyList<PatientName>>>, FakePatients.Handler>()
            .AddSingleton<FakeClinic>()
            .AddTransient<IRequestHandler<ListActivePractitionersAndSites, Result<ActivePractitionersAndSites>>, FakeClinic.Handler>(), settings, replace: replace));
    }

    public void SignedInAsStaff() => Current.SignedInAs(Staff, Roles.Staff);

    public void SignedInAs(Guid account) => Current.SignedInAs(account);

    /// <summary>Staff send a communication to the profile (a clinic record) and the test goes on as whoever was signed in.</summary>
    public async Task<Guid> ComposeAsync(
        Guid profileId, CommunicationCategory category = CommunicationCategory.Message, string subject = "Registration Confirmation",
        string body = "Hi Heather,\nPlease confirm with us.", int repliesAllowed = 1, IReadOnlyList<AttachmentUpload>? attachments = null,
        Guid? fromPractitioner = null)
    {
        var (account, role) = (Current.AccountId, Current.Role);
        Patients.Add(profileId, "Heather", "Milner");
        SignedInAsStaff();
        attachments ??= category == CommunicationCategory.Message ? [] : [Pdfs.Upload("receipt.pdf")];
        var result = await SendAsync(new ComposeCommunication(
            profileId, category, subject, body, fromPractitioner, FakeClinic.MyClinic, category == CommunicationCategory.Bill ? "Consultation receipt" : "Dermatology",
            attachments, repliesAllowed));
        (Current.AccountId, Current.Role) = (account, role);
        result.Errors.ShouldBeEmpty();
        return result.Value;
    }

    public Task<List<QueuedEmail>> QueuedEmailsAsync() =>
        QueryAsync(db => db.QueuedEmails.AsNoTracking().OrderBy(e => e.CreatedUtc).ThenBy(e => e.To).ToListAsync());

    public string[] StoredFiles() =>
        Directory.Exists(AttachmentsFolder) ? Directory.GetFiles(AttachmentsFolder, "*", SearchOption.AllDirectories) : [];
}

/// <summary>
/// Profiles' answers, as each test sets them: which account may open which tabs of which profile, each account's own
/// profile, and the profiles' names (GetMyProfiles).
/// </summary>
internal sealed class FakeProfileAccess
{
    private readonly Dictionary<(Guid Account, Guid Profile), ProfileTabs> _links = [];
    private readonly Dictionary<Guid, Guid> _own = [];
    private readonly Dictionary<Guid, (string First, string Last)> _names = [];

    public List<RecordProfileRead> Reads { get; } = [];

    public void Allow(Guid accountId, Guid profileId, ProfileTabs tabs = ProfileTabs.All)
    {
        lock (_links)
        {
            _links[(accountId, profileId)] = tabs;
        }
    }

    /// <summary>The account's own profile (its Self link, every tab), and its person's name.</summary>
    public void Own(Guid accountId, Guid profileId, string firstName, string lastName)
    {
        Allow(accountId, profileId);
        lock (_links)
        {
            _own[accountId] = profileId;
        }

        Name(profileId, firstName, lastName);
    }

    /// <summary>A profile's person is named so (staff renamed the record, say).</summary>
    public void Name(Guid profileId, string firstName, string lastName)
    {
        lock (_links)
        {
            _names[profileId] = (firstName, lastName);
        }
    }

    /// <summary>The link ends (revoked, or the child reached the age of consent: Profiles answers no from then on).</summary>
    public void Revoke(Guid accountId, Guid profileId)
    {
        lock (_links)
        {
            _links.Remove((accountId, profileId));
        }
    }

    internal sealed class Handler(FakeProfileAccess access, ICurrentAccount current)
        : IRequestHandler<MayActFor, bool>, IRequestHandler<RecordProfileRead, Unit>, IRequestHandler<GetMyProfiles, Result<IReadOnlyList<MyProfile>>>
    {
        public Task<Result<IReadOnlyList<MyProfile>>> Handle(GetMyProfiles request, CancellationToken cancellationToken)
        {
            if (current.AccountId is not { } account)
            {
                return Task.FromResult<Result<IReadOnlyList<MyProfile>>>(Error.Forbidden);
            }

            lock (access._links)
            {
                var own = access._own.GetValueOrDefault(account);
                return Task.FromResult<Result<IReadOnlyList<MyProfile>>>(access._links.Where(l => l.Key.Account == account).Select(l =>
                {
                    var (first, last) = access._names.GetValueOrDefault(l.Key.Profile, ("", ""));
                    return new MyProfile(
                        l.Key.Profile, first, last, new DateOnly(2017, 2, 18), l.Key.Profile == own ? Relationship.Self : Relationship.Parent, AccessState.Active, l.Value, null);
                }).OrderBy(p => p.Relationship).ToList());
            }
        }

        public Task<bool> Handle(MayActFor request, CancellationToken cancellationToken)
        {
            lock (access._links)
            {
                return Task.FromResult(current.AccountId is { } id && access._links.TryGetValue((id, request.ProfileId), out var tabs) && tabs.HasFlag(request.Tab));
            }
        }

        public Task<Unit> Handle(RecordProfileRead request, CancellationToken cancellationToken)
        {
            lock (access.Reads)
            {
                access.Reads.Add(request);
            }

            return Task.FromResult(Unit.Value);
        }
    }
}

/// <summary>Profiles' and Accounts' answers for the emails, as each test sets them (by default nobody is told).</summary>
internal sealed class FakeRecipients
{
    private readonly List<(Guid Profile, ProfileTabs Tabs, AccountContact Contact)> _recipients = [];
    private readonly HashSet<(Guid, NotificationKind)> _off = [];

    public List<ListNotificationRecipients> Asked { get; } = [];

    public void Add(Guid profileId, Guid accountId, string email, string language = "en-CA", ProfileTabs tabs = ProfileTabs.All)
    {
        lock (_recipients)
        {
            _recipients.Add((profileId, tabs, new AccountContact(accountId, email, language)));
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
                fake.Asked.Add(request);
                var ids = fake._recipients.Where(r => r.Profile == request.ProfileId && r.Tabs.HasFlag(request.Tab)).Select(r => r.Contact.AccountId).ToList();
                return Task.FromResult(fake._off.Contains((request.ProfileId, request.Kind)) || ids.Count == 0
                    ? NotificationRecipients.None
                    : new NotificationRecipients("Heather", ids));
            }
        }

        public Task<IReadOnlyList<AccountContact>> Handle(GetAccountContacts request, CancellationToken cancellationToken)
        {
            lock (fake._recipients)
            {
                return Task.FromResult<IReadOnlyList<AccountContact>>(
                    [.. fake._recipients.Where(r => r.Profile == request.ProfileId && request.AccountIds.Contains(r.Contact.AccountId)).Select(r => r.Contact)]);
            }
        }
    }
}

/// <summary>Profiles' staff-only GetPatientNames, as each test sets the records.</summary>
internal sealed class FakePatients
{
    private readonly Dictionary<Guid, PatientName> _records = [];

    public void Add(Guid profileId, string firstName, string lastName)
    {
        lock (_records)
        {
            _records[profileId] = new PatientName(profileId, firstName, lastName, new DateOnly(1989, 4, 27));
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

/// <summary>Appointments' staff-only list of the clinic's active practitioners and sites, as each test changes it.</summary>
internal sealed class FakeClinic
{
    public static readonly Guid Medfar = Guid.Parse("d0000000-0000-0000-0000-000000000001");
    public static readonly Guid Nguyen = Guid.Parse("d0000000-0000-0000-0000-000000000002");
    public static readonly Guid MyClinic = Guid.Parse("c0000000-0000-0000-0000-000000000001");
    public static readonly Guid Virtual = Guid.Parse("c0000000-0000-0000-0000-000000000002");

    private readonly Dictionary<Guid, string> _practitioners = new() { [Medfar] = "Dr Medfar Solutions", [Nguyen] = "Dr. Minh Nguyen" };
    private readonly Dictionary<Guid, string> _sites = new() { [MyClinic] = "My Clinic", [Virtual] = "Téléconsultation" };

    /// <summary>Staff rename a practitioner or a site in Appointments.</summary>
    public void Rename(Guid id, string name)
    {
        lock (_practitioners)
        {
            (_practitioners.ContainsKey(id) ? _practitioners : _sites)[id] = name;
        }
    }

    /// <summary>Staff deactivate a practitioner or a site: no longer listed.</summary>
    public void Deactivate(Guid id)
    {
        lock (_practitioners)
        {
            _practitioners.Remove(id);
            _sites.Remove(id);
        }
    }

    internal sealed class Handler(FakeClinic clinic, ICurrentAccount current) : IRequestHandler<ListActivePractitionersAndSites, Result<ActivePractitionersAndSites>>
    {
        public Task<Result<ActivePractitionersAndSites>> Handle(ListActivePractitionersAndSites request, CancellationToken cancellationToken)
        {
            if (!StaffOnly.Allows(current))
            {
                return Task.FromResult<Result<ActivePractitionersAndSites>>(Error.Forbidden);
            }

            lock (clinic._practitioners)
            {
                return Task.FromResult<Result<ActivePractitionersAndSites>>(new ActivePractitionersAndSites(
                    [.. clinic._practitioners.Select(p => new CatalogName(p.Key, p.Value))], [.. clinic._sites.Select(s => new CatalogName(s.Key, s.Value))]));
            }
        }
    }
}
