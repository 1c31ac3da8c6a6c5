using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Inbox.Reading;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Inbox.Features;

/// <summary>Staff only: the thread, its patient replies marked read for the clinic, whose it is (Profiles); a staff read on the trail.</summary>
internal sealed class GetStaffThreadHandler(InboxDbContext db, ICurrentAccount current, IMediator mediator, ThreadViews views, ReadTrail trail)
    : IRequestHandler<GetStaffThread, Result<StaffThreadView>>
{
    public async Task<Result<StaffThreadView>> Handle(GetStaffThread request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        if (await views.OwnerAsync(request.CommunicationId, cancellationToken) is not { } owner)
        {
            return new Error(InboxErrors.NotFound);
        }

        await trail.RecordAsync(owner.ProfileId, ReadTrail.Thread, request.CommunicationId, allowed: true, cancellationToken);
        await db.Communications
            .Where(c => c.Id == request.CommunicationId && c.UnreadByStaff)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UnreadByStaff, false), cancellationToken);
        if (await views.LoadAsync(request.CommunicationId, patientReader: null, cancellationToken) is not { } thread)
        {
            return new Error(InboxErrors.NotFound);
        }

        var names = await mediator.Send(new GetPatientNames([owner.ProfileId]), cancellationToken);
        var name = names.IsSuccess && names.Value.Count > 0 ? names.Value[0] : null;
        return new StaffThreadView(thread, name?.FirstName ?? "", name?.LastName ?? "", name?.DateOfBirth ?? default, owner.FromPractitionerId);
    }
}
