namespace PatientPortal.Modules.Profiles.Security;

/// <summary>
/// The signed-in account's links as this request has read them: each (account, profile) pair is read once per scope
/// (one HTTP request, one job run), however often the request asks (<see cref="Features.MayActForHandler"/>), with
/// a compiled query of only the columns that decide access (<see cref="LinkTerms"/>) and the person's birth date.
/// The answer is never kept beyond the scope, and is read again after the scope's context saves a change, so a link
/// revoked by another request stops at the next request, and one changed in this request at the next question. The
/// age rule is not memoized: callers apply it at the instant they ask.
/// </summary>
internal sealed class LinksThisRequest : IDisposable
{
    // Compiled once per provider: the query is translated for the model of the first context it runs on, and one
    // process can serve both providers (the tests do).
    private static readonly Func<ProfilesDbContext, Guid, Guid, Task<LinkNow?>> SqliteQuery = Compile();
    private static readonly Func<ProfilesDbContext, Guid, Guid, Task<LinkNow?>> PostgresQuery = Compile();

    private readonly ProfilesDbContext _db;
    private readonly Dictionary<(Guid AccountId, Guid ProfileId), LinkNow?> _read = [];

    public LinksThisRequest(ProfilesDbContext db)
    {
        _db = db;
        _db.SavedChanges += Forget;
    }

    /// <summary>The account's link to the profile (null: none at all), read at most once in this scope while nothing is saved.</summary>
    public async Task<LinkNow?> FindAsync(Guid accountId, Guid profileId)
    {
        if (_read.TryGetValue((accountId, profileId), out var known))
        {
            return known;
        }

        var query = _db is SqliteProfilesDbContext ? SqliteQuery : PostgresQuery;
        var link = await query(_db, accountId, profileId);
        _read[(accountId, profileId)] = link;
        return link;
    }

    public void Dispose() => _db.SavedChanges -= Forget;

    private void Forget(object? sender, SavedChangesEventArgs e) => _read.Clear();

    private static Func<ProfilesDbContext, Guid, Guid, Task<LinkNow?>> Compile() =>
        EF.CompileAsyncQuery((ProfilesDbContext db, Guid accountId, Guid profileId) => db.Accesses
            .Where(a => a.AccountId == accountId && a.ProfileId == profileId)
            .Join(db.Profiles, a => a.ProfileId, p => p.Id, (a, p) => new LinkNow(
                new LinkTerms(a.Relationship, a.State, a.Permissions, a.PersonConsented), p.DateOfBirth))
            .SingleOrDefault());
}

/// <summary>A link's terms and the birth date the age rule needs.</summary>
internal sealed record LinkNow(LinkTerms Terms, DateOnly DateOfBirth)
{
    /// <summary>Whether the link opens <paramref name="tab"/> at this instant (the age rule applied now, by the caller's calendar).</summary>
    public bool AllowsNow(ProfileTabs tab, ClinicCalendar calendar) => Terms.AllowsNow(tab, calendar.HasReachedAgeOfConsent(DateOfBirth));
}
