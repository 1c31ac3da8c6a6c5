namespace PatientPortal.Modules.Profiles.Features;

/// <summary>Asked under the same rule as the module's other readers: MayActFor(profile, Appointments), then one column.</summary>
internal sealed class GetAssignedPractitionerHandler(ProfilesDbContext db, IMediator mediator) : IRequestHandler<GetAssignedPractitioner, Guid?>
{
    public async Task<Guid?> Handle(GetAssignedPractitioner request, CancellationToken cancellationToken)
    {
        if (!await mediator.Send(new MayActFor(request.ProfileId, ProfileTabs.Appointments), cancellationToken))
        {
            return null;
        }

        return await db.Profiles.AsNoTracking().Where(p => p.Id == request.ProfileId).Select(p => p.AssignedPractitionerId).SingleOrDefaultAsync(cancellationToken);
    }
}
