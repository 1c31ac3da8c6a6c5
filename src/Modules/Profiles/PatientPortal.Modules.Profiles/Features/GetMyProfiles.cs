using PatientPortal.Modules.Profiles.Security;

namespace PatientPortal.Modules.Profiles.Features;

/// <summary>
/// Every link of the account with its state now (the age rule applied at this instant, as MayActFor does) and why it
/// ended; never another account's links. A proxy link the account itself asked for from Connected Accounts, still
/// waiting for the person's consent, does not show as pending: the requester learns nothing about the person (not even
/// that the clinic has them) until the person decides (Connected Accounts must not be a match oracle, see
/// ConnectProfile). If that link had ended before (a parent asking again after the child's birthday of consent), it
/// keeps showing as it was, ended, with the guide's message; a first request shows nothing. A link staff attached and
/// the person has yet to approve is shown, "pending consent": the clinic told the account holder.
/// Not on the read trail: the list of one's own links is account data (ADR 0014).
/// </summary>
internal sealed class GetMyProfilesHandler(ProfilesDbContext db, ICurrentAccount current, ClinicCalendar calendar, LinksThisRequest links)
    : IRequestHandler<GetMyProfiles, Result<IReadOnlyList<MyProfile>>>
{
    public async Task<Result<IReadOnlyList<MyProfile>>> Handle(GetMyProfiles request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } accountId)
        {
            return Error.Forbidden;
        }

        // The account's links as this request read them (the margin and the access checks read the same list).
        var rows = await links.OfAsync(accountId, cancellationToken);
        var asked = rows.Where(r => r.OwnProxyRequest).Select(r => r.AccessId).ToList();
        var endedBefore = asked.Count == 0 ? [] : (await db.AccessChanges.AsNoTracking()
                .Where(c => asked.Contains(c.AccessId) && (c.Kind == AccessChangeKind.Revoked || c.State == AccessState.Active))
                .ToListAsync(cancellationToken))
            .GroupBy(c => c.AccessId)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.ChangedUtc).ThenBy(c => c.Id).Last());
        IReadOnlyList<MyProfile> mine = rows
            .Select(r => r.OwnProxyRequest ? AsEndedBefore(r, endedBefore.GetValueOrDefault(r.AccessId)) : Now(r))
            .OfType<MyProfile>()
            .OrderBy(p => p.Relationship != Relationship.Self)
            .ThenBy(p => p.LastName, StringComparer.CurrentCulture)
            .ThenBy(p => p.FirstName, StringComparer.CurrentCulture)
            .ThenBy(p => p.DateOfBirth)
            .ToList();
        return Result.Success(mine);
    }

    // Changes in one instant are told apart by their ids (version 7: time-ordered by the millisecond on both providers).

    /// <summary>
    /// The account's own request waits for the person: shown as the link was before it (ended, and why), or not at all.
    /// The last change before the request was a revocation (its basis says why), or an active link that the birthday of
    /// consent ended before any job marked it.
    /// </summary>
    private MyProfile? AsEndedBefore(AccountLink link, AccessChange? last)
    {
        LinkEndReason? reason = last switch
        {
            { Kind: AccessChangeKind.Revoked, Basis: ConsentBasis.System } => LinkEndReason.AgeOfConsentReached,
            { Kind: AccessChangeKind.Revoked, Basis: ConsentBasis.StaffDecision } => LinkEndReason.RevokedByStaff,
            { Kind: AccessChangeKind.Revoked } => LinkEndReason.RevokedByPatient,
            { State: AccessState.Active } when calendar.HasReachedAgeOfConsent(link.DateOfBirth) => LinkEndReason.AgeOfConsentReached,
            _ => null,
        };
        if (reason is null)
        {
            return null;
        }

        var ended = last!.Kind == AccessChangeKind.Revoked ? last.ChangedUtc : BirthdayStart(link.DateOfBirth);
        return new MyProfile(link.ProfileId, link.FirstName, link.LastName, link.DateOfBirth, link.Relationship, AccessState.Revoked, link.Terms.Permissions, ended, reason);
    }

    /// <summary>The link as it stands at this instant (the age rule applied), and why it ended.</summary>
    private MyProfile Now(AccountLink link)
    {
        var state = link.Terms.StateNow(calendar.HasReachedAgeOfConsent(link.DateOfBirth));
        var endedNow = state == AccessState.Revoked && link.Terms.State != AccessState.Revoked;
        return new MyProfile(
            link.ProfileId, link.FirstName, link.LastName, link.DateOfBirth, link.Relationship, state, link.Terms.Permissions,
            endedNow ? BirthdayStart(link.DateOfBirth) : link.RevokedUtc,
            endedNow ? LinkEndReason.AgeOfConsentReached : state == AccessState.Revoked ? Reason(link.RevokedReason) : null);
    }

    // The first instant of the birthday of consent, clinic time: when the link ended, before any job marked it.
    private DateTimeOffset BirthdayStart(DateOnly dateOfBirth) =>
        TimeZoneInfo.ConvertTimeToUtc(calendar.AgeOfConsentDay(dateOfBirth).ToDateTime(TimeOnly.MinValue), calendar.Zone);

    private static LinkEndReason? Reason(RevocationReason? reason) => reason switch
    {
        RevocationReason.AgeOfConsentReached => LinkEndReason.AgeOfConsentReached,
        RevocationReason.RevokedByStaff => LinkEndReason.RevokedByStaff,
        RevocationReason.RevokedByPatient => LinkEndReason.RevokedByPatient,
        RevocationReason.ConsentDeclined => LinkEndReason.ConsentDeclined,
        _ => null,
    };
}
