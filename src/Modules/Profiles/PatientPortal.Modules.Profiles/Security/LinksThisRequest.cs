namespace PatientPortal.Modules.Profiles.Security;

/// <summary>
/// An account's links as this request has read them: all of them at once (a family has a handful), with the columns
/// that decide access (<see cref="LinkTerms"/>) and the person's name and birth date, in one compiled, untracked query
/// on the AccountId index, however often the request asks. A page asks Profiles four times (the selected profile, the
/// dashboard's list, the access check of each module it shows, the activity column): one read answers them all.
/// The answer is never kept beyond the scope (one HTTP request, one job run), and is read again after the scope's
/// context saves a change, so a link revoked by another request stops at the next request, and one changed in this
/// request at the next question. The age rule is not memoized: callers apply it at the instant they ask.
/// </summary>
internal sealed class LinksThisRequest : IDisposable
{
    private static readonly CompiledPerProvider<Func<ProfilesDbContext, Guid, IAsyncEnumerable<AccountLink>>> Query = new(Compile);

    private readonly ProfilesDbContext _db;
    private readonly Dictionary<Guid, IReadOnlyList<AccountLink>> _read = [];

    public LinksThisRequest(ProfilesDbContext db)
    {
        _db = db;
        _db.SavedChanges += Forget;
    }

    /// <summary>Every link of the account (any state), read at most once in this scope while nothing is saved.</summary>
    public async Task<IReadOnlyList<AccountLink>> OfAsync(Guid accountId, CancellationToken cancellationToken)
    {
        if (_read.TryGetValue(accountId, out var known))
        {
            return known;
        }

        var links = new List<AccountLink>();
        await foreach (var link in Query.For(_db)(_db, accountId).WithCancellation(cancellationToken))
        {
            links.Add(link);
        }

        _read[accountId] = links;
        return links;
    }

    /// <summary>The account's link to the profile (null: none at all); another family's id finds nothing.</summary>
    public async Task<AccountLink?> FindAsync(Guid accountId, Guid profileId, CancellationToken cancellationToken) =>
        (await OfAsync(accountId, cancellationToken)).FirstOrDefault(l => l.ProfileId == profileId);

    public void Dispose() => _db.SavedChanges -= Forget;

    private void Forget(object? sender, SavedChangesEventArgs e) => _read.Clear();

    private static Func<ProfilesDbContext, Guid, IAsyncEnumerable<AccountLink>> Compile() =>
        EF.CompileAsyncQuery((ProfilesDbContext db, Guid accountId) => db.Accesses
            .Where(a => a.AccountId == accountId)
            .Join(db.Profiles, a => a.ProfileId, p => p.Id, (a, p) => new AccountLink(
                a.Id,
                p.Id,
                p.FirstName,
                p.LastName,
                p.DateOfBirth,
                new LinkTerms(a.Relationship, a.State, a.Permissions, a.PersonConsented),
                a.RevokedUtc,
                a.RevokedReason,
                // The account's own proxy request, waiting for the person (Connected Accounts): GetMyProfiles hides it.
                a.Relationship != Relationship.Self && a.State == AccessState.PendingConsent
                    && db.AccessChanges.Where(c => c.AccessId == a.Id).OrderByDescending(c => c.ChangedUtc).ThenByDescending(c => c.Id)
                        .Select(c => c.Basis).FirstOrDefault() == ConsentBasis.ProxyRequest)));
}

/// <summary>One of the account's links as it is stored, with the person's name and birth date.</summary>
internal sealed record AccountLink(
    Guid AccessId,
    Guid ProfileId,
    string FirstName,
    string LastName,
    DateOnly DateOfBirth,
    LinkTerms Terms,
    DateTimeOffset? RevokedUtc,
    RevocationReason? RevokedReason,
    bool OwnProxyRequest)
{
    public Relationship Relationship => Terms.Relationship;

    /// <summary>The tabs the link opens: the person's own profile opens every tab.</summary>
    public ProfileTabs Tabs => Relationship == Relationship.Self ? ProfileTabs.All : Terms.Permissions;

    /// <summary>In what capacity the account reads the profile.</summary>
    public ReaderRole Role => Relationship == Relationship.Self ? ReaderRole.Self : ReaderRole.Proxy;

    /// <summary>Whether the link opens <paramref name="tab"/> at this instant (the age rule applied now, by the caller's calendar).</summary>
    public bool AllowsNow(ProfileTabs tab, ClinicCalendar calendar) => Terms.AllowsNow(tab, calendar.HasReachedAgeOfConsent(DateOfBirth));
}
