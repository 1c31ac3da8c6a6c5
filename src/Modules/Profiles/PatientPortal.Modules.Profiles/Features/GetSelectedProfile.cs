using PatientPortal.Modules.Profiles.Security;

namespace PatientPortal.Modules.Profiles.Features;

/// <summary>
/// Asked on every request: the requested profile when the account's link to it is active now, else the account's own.
/// A refused request (another family's id, a link revoked or ended at the age of consent since the cookie was set) is
/// recorded on the read trail (once a minute for the same account and profile, and never for a record that does not
/// exist); the host then forgets the id, so this happens once per stale cookie. An allowed selection
/// (name and birth date, on every page) is not recorded: each page that reads the file records its own read (ADR 0014).
/// </summary>
internal sealed class GetSelectedProfileHandler(ProfilesDbContext db, ICurrentAccount current, LinksThisRequest links, ClinicCalendar calendar, TimeProvider clock)
    : IRequestHandler<GetSelectedProfile, Result<SelectedProfile>>
{
    private static readonly TimeSpan RefusalPrecision = TimeSpan.FromMinutes(1);

    public async Task<Result<SelectedProfile>> Handle(GetSelectedProfile request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } accountId)
        {
            return Error.Forbidden;
        }

        // The account's links, read once for the whole request (the margin, the access checks, the activity column).
        var mine = await links.OfAsync(accountId, cancellationToken);
        var refused = false;
        if (request.Requested is { } requested)
        {
            var link = mine.FirstOrDefault(l => l.ProfileId == requested);
            if (link is not null && link.AllowsNow(ProfileTabs.None, calendar))
            {
                return Selected(link, refused: false);
            }

            await RecordRefusalAsync(accountId, requested, link, cancellationToken);
            refused = true;
        }

        var own = mine.FirstOrDefault(l => l.Relationship == Relationship.Self && l.Terms.State == AccessState.Active);
        return own is null ? Error.NotFound : Selected(own, refused);
    }

    // The host forgets the cookie at once, but a script can send it again with every page: a record that does not exist
    // was nobody's file, and the same refusal is written once a minute, so a replayed cookie cannot flood the trail.
    private async Task RecordRefusalAsync(Guid accountId, Guid requested, AccountLink? link, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var since = now - RefusalPrecision;
        if ((link is null && !await db.Profiles.AnyAsync(p => p.Id == requested, cancellationToken))
            || await db.ProfileReads.AnyAsync(r => r.ProfileId == requested && r.ReaderAccountId == accountId && r.What == "select" && !r.Allowed && r.ReadUtc > since, cancellationToken))
        {
            return;
        }

        db.ProfileReads.Add(ProfileRead.Of(accountId, requested, link?.Role ?? ReaderRole.Proxy, "select", allowed: false, now));
        await WriteLock.SaveChangesInTurnAsync(db, cancellationToken);
    }

    private static SelectedProfile Selected(AccountLink link, bool refused) =>
        new(link.ProfileId, link.FirstName, link.LastName, link.DateOfBirth, link.Relationship, link.Tabs, refused);
}
