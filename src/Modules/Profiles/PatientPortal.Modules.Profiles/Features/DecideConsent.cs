using PatientPortal.BuildingBlocks.Outbox;
using PatientPortal.Modules.Profiles.Emails;

namespace PatientPortal.Modules.Profiles.Features;

/// <summary>
/// Only the person whose own file it is decides, and only a pending link: anything else is not found. Approve and
/// decline of the same link race on its version: the first to commit wins, the other finds it decided (not found).
/// The requester is told by email.
/// </summary>
internal sealed class DecideConsentHandler(ProfilesDbContext db, ICurrentAccount current, ProfileMail mail, TimeProvider clock)
    : IRequestHandler<DecideConsent, Result>
{
    public Task<Result> Handle(DecideConsent request, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, () => DecideAsync(request, cancellationToken));

    private async Task<Result> DecideAsync(DecideConsent request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } accountId)
        {
            return Error.Forbidden;
        }

        var access = await OwnProfile.ProxyLinkAsync(db, accountId, request.AccessId, a => a.State == AccessState.PendingConsent, cancellationToken);
        if (access is null)
        {
            return Error.NotFound;
        }

        var now = clock.GetUtcNow();
        var person = await db.Profiles.AsNoTracking().SingleAsync(p => p.Id == access.ProfileId, cancellationToken);
        if (request.Approve)
        {
            db.AccessChanges.Add(access.Consent(accountId, now));
            db.Publish(new ProfileAccessChanged(access.AccountId, access.ProfileId, access.Relationship, access.State, access.Permissions), clock);
        }
        else
        {
            db.AccessChanges.Add(access.Revoke(RevocationReason.ConsentDeclined, accountId, ConsentBasis.PatientConsent, now));
            db.Publish(new ProfileAccessRevoked(access.AccountId, access.ProfileId, nameof(RevocationReason.ConsentDeclined)), clock);
        }

        var requesters = await RequesterNames.OfAsync(db, [access.AccountId], cancellationToken);
        if (requesters.TryGetValue(access.AccountId, out var requester) && requester.Email is { } to)
        {
            mail.Queue(db, to, requester.Language, request.Approve ? "ConsentApproved" : "ConsentDeclined", ("Link", mail.ConnectedAccountsLink),
                ("Name", requester.FirstName), ("Person", $"{person.FirstName} {person.LastName}"));
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
