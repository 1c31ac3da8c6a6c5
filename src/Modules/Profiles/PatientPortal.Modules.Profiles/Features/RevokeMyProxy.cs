using PatientPortal.BuildingBlocks.Outbox;

namespace PatientPortal.Modules.Profiles.Features;

/// <summary>
/// The person whose own file it is removes a proxy's access (or a request still pending): the link is revoked at once,
/// so the proxy's next request (MayActFor) is refused. Another file's link is not found.
/// </summary>
internal sealed class RevokeMyProxyHandler(ProfilesDbContext db, ICurrentAccount current, TimeProvider clock)
    : IRequestHandler<RevokeMyProxy, Result>
{
    public Task<Result> Handle(RevokeMyProxy request, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, () => RevokeAsync(request, cancellationToken));

    private async Task<Result> RevokeAsync(RevokeMyProxy request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } accountId)
        {
            return Error.Forbidden;
        }

        var access = await OwnProfile.ProxyLinkAsync(db, accountId, request.AccessId, a => a.State != AccessState.Revoked, cancellationToken);
        if (access is null)
        {
            return Error.NotFound;
        }

        db.AccessChanges.Add(access.Revoke(RevocationReason.RevokedByPatient, accountId, ConsentBasis.PatientConsent, clock.GetUtcNow()));
        db.Publish(new ProfileAccessRevoked(access.AccountId, access.ProfileId, nameof(RevocationReason.RevokedByPatient)), clock);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
