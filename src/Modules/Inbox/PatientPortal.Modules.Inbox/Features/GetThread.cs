using PatientPortal.Modules.Inbox.Reading;

namespace PatientPortal.Modules.Inbox.Features;

/// <summary>
/// Found, and the account may open its category for its profile now; anything else is "not found" (no tell), and on
/// the trail, refusals too. Opening marks it read for the profile (one conditional UPDATE: a second reader changes
/// nothing, and a clinic message saved meanwhile is not hidden, as it sets the flag again after).
/// </summary>
internal sealed class GetThreadHandler(InboxDbContext db, ThreadViews views, InboxAccess access, ReadTrail trail, ICurrentAccount current, TimeProvider clock)
    : IRequestHandler<GetThread, Result<ThreadView>>
{
    public async Task<Result<ThreadView>> Handle(GetThread request, CancellationToken cancellationToken)
    {
        if (await views.OwnerAsync(request.CommunicationId, cancellationToken) is not { } owner)
        {
            return new Error(InboxErrors.NotFound);
        }

        var allowed = await access.MayOpenAsync(owner.ProfileId, owner.Category, cancellationToken);
        await trail.RecordAsync(owner.ProfileId, ReadTrail.Thread, request.CommunicationId, allowed, cancellationToken);
        if (!allowed)
        {
            return new Error(InboxErrors.NotFound);
        }

        var now = clock.GetUtcNow();
        await db.Communications
            .Where(c => c.Id == request.CommunicationId && c.UnreadByPatient)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UnreadByPatient, false).SetProperty(c => c.PatientReadUtc, now), cancellationToken);
        return await views.LoadAsync(request.CommunicationId, current.AccountId ?? Guid.Empty, cancellationToken) is { } view ? view : new Error(InboxErrors.NotFound);
    }
}
