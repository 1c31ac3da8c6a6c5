using MediatR;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.Email;
using PatientPortal.BuildingBlocks.Identity;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Profiles.Tests.TestData;

/// <summary>
/// Accounts' side of <see cref="FindPatientAccount"/> and <see cref="GetPatientAccountSummaries"/>, as the Profiles
/// tests need it: the active patient accounts by sign-in email, staff only (as the real handlers, tested in the
/// Accounts tests).
/// </summary>
internal sealed class FakePatientAccounts
{
    private readonly Dictionary<string, Guid> _byEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<Guid, PatientAccountSummary> _byId = [];

    public void Add(string email, Guid accountId, DateTimeOffset? createdUtc = null)
    {
        _byEmail[email] = accountId;
        var created = createdUtc ?? new DateTimeOffset(2026, 3, 1, 14, 0, 0, TimeSpan.Zero);
        _byId[accountId] = new PatientAccountSummary(accountId, email, created, created);
    }

    public Guid? Find(string email) => _byEmail.TryGetValue(email.Trim(), out var id) ? id : null;

    public IReadOnlyList<PatientAccountSummary> Summaries(IEnumerable<Guid> ids) =>
        ids.Distinct().Where(_byId.ContainsKey).Select(id => _byId[id]).ToList();
}

internal sealed class FakeGetPatientAccountSummariesHandler(FakePatientAccounts accounts, ICurrentAccount current)
    : IRequestHandler<GetPatientAccountSummaries, Result<IReadOnlyList<PatientAccountSummary>>>
{
    public Task<Result<IReadOnlyList<PatientAccountSummary>>> Handle(GetPatientAccountSummaries request, CancellationToken cancellationToken) =>
        Task.FromResult<Result<IReadOnlyList<PatientAccountSummary>>>(!StaffOnly.Allows(current) ? Error.Forbidden : Result.Success(accounts.Summaries(request.AccountIds)));
}

internal sealed class FakeFindPatientAccountHandler(FakePatientAccounts accounts, ICurrentAccount current) : IRequestHandler<FindPatientAccount, Result<Guid>>
{
    public Task<Result<Guid>> Handle(FindPatientAccount request, CancellationToken cancellationToken) =>
        Task.FromResult<Result<Guid>>(!StaffOnly.Allows(current) ? Error.Forbidden
            : accounts.Find(request.Email) is { } id ? id
            : new Error(AccountErrors.PatientAccountNotFound, nameof(request.Email)));
}

internal static class StaffTestData
{
    public static readonly Guid StaffId = Guid.Parse("0190f000-0000-7000-8000-00000000051a");

    public static IServiceCollection AddFakePatientAccounts(this IServiceCollection services) => services
        .AddSingleton<FakePatientAccounts>()
        .AddTransient<IRequestHandler<FindPatientAccount, Result<Guid>>, FakeFindPatientAccountHandler>()
        .AddTransient<IRequestHandler<GetPatientAccountSummaries, Result<IReadOnlyList<PatientAccountSummary>>>, FakeGetPatientAccountSummariesHandler>();

    /// <summary>Signed in as clinic staff who passed the second factor.</summary>
    public static ProfilesHarness AsStaff(this ProfilesHarness profiles, Guid? staffId = null)
    {
        profiles.Current.AccountId = staffId ?? StaffId;
        profiles.Current.Role = Roles.Staff;
        profiles.Current.SecondFactorPassed = true;
        return profiles;
    }

    /// <summary>A patient who registered (their own profile), with an account Accounts can find by <paramref name="email"/>.</summary>
    public static async Task<AccountRegistered> AccountHolderAsync(this ProfilesHarness profiles, string firstName, string lastName, DateOnly birth, string email, string? card = null)
    {
        var registered = await profiles.RegisteredAsync(Registrations.SelfRegistered(firstName, lastName, birth, card) with { Email = email });
        profiles.Services.GetRequiredService<FakePatientAccounts>().Add(email, registered.AccountId, profiles.Clock.GetUtcNow());
        return registered;
    }

    public static PatientDetails Details(
        string firstName = "Nathan", string lastName = "Milner", DateOnly? birth = null, string? card = Registrations.NathanCard, string? chart = null,
        string? contactEmail = null, string language = "fr-CA", string? guardianEmail = null) => new(
        firstName, lastName, birth ?? Registrations.NathanBirthDate, PatientSex.Male, card, new DateOnly(2028, 2, 28), chart,
        [new PatientPhone("514 555-0142", "Mobile")], "123 rue Principale", "Montréal", "QC", "H2X 1Y4", contactEmail, language,
        AssignedPractitionerId: null, GuardianName: "Heather Milner", GuardianEmail: guardianEmail);

    /// <summary>A record staff created through the slice; returns its id.</summary>
    public static async Task<Guid> RecordAsync(this ProfilesHarness profiles, PatientDetails details)
    {
        var (account, role, factor) = (profiles.Current.AccountId, profiles.Current.Role, profiles.Current.SecondFactorPassed);
        profiles.AsStaff();
        var id = (await profiles.SendAsync(new CreatePatientProfile(details))).Value;
        (profiles.Current.AccountId, profiles.Current.Role, profiles.Current.SecondFactorPassed) = (account, role, factor);
        return id;
    }

    public static Task<List<T>> EventsAsync<T>(this ProfilesHarness profiles) => profiles.OutboxAsync<T>();

    public static Task<List<QueuedEmail>> EmailsToAsync(this ProfilesHarness profiles, string to) => profiles.QueuedToAsync(to);

    public static async Task<ProfileAccess> LinkOfAsync(this ProfilesHarness profiles, Guid accountId, Guid profileId) =>
        await profiles.FindLinkAsync(accountId, profileId) ?? throw new InvalidOperationException($"No link of {accountId} to {profileId}.");

    public static Task<Guid> ConnectionRequestAsync(this ProfilesHarness profiles, Guid accountId, Guid profileId, Relationship relationship = Relationship.Parent) =>
        profiles.QueryAsync(async db =>
        {
            var request = ConnectionRequest.Open(accountId, profileId, relationship, profiles.Clock.GetUtcNow());
            db.ConnectionRequests.Add(request);
            await db.SaveChangesAsync();
            return request.Id;
        });
}
