using PatientPortal.Modules.Appointments.Reading;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Appointments.Features;

/// <summary>The specialty's active practitioners; the one Profiles says is assigned to the profile comes first.</summary>
internal sealed class ListPractitionersHandler(AppointmentsDbContext db, WizardCatalog catalog, IMediator mediator)
    : IRequestHandler<ListPractitioners, Result<IReadOnlyList<WizardChoice>>>
{
    public async Task<Result<IReadOnlyList<WizardChoice>>> Handle(ListPractitioners request, CancellationToken cancellationToken)
    {
        if (!await catalog.MayBookAsync(request.ProfileId, cancellationToken)
            || !await db.Specialties.AnyAsync(s => s.Id == request.SpecialtyId && s.Active, cancellationToken))
        {
            return Error.NotFound;
        }

        var assigned = await mediator.Send(new GetAssignedPractitioner(request.ProfileId), cancellationToken);
        var practitioners = await db.Practitioners.AsNoTracking()
            .Where(p => p.Active && p.Specialties.Any(s => s.SpecialtyId == request.SpecialtyId))
            .ToListAsync(cancellationToken);
        return practitioners
            .OrderBy(p => p.Id == assigned ? 0 : 1).ThenBy(p => p.DisplayName, StringComparer.CurrentCulture)
            .Select(p => new WizardChoice(p.Id, p.DisplayName, Assigned: p.Id == assigned)).ToList();
    }
}
