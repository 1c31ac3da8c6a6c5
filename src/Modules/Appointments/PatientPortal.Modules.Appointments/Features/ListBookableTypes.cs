using PatientPortal.Modules.Appointments.Reading;

namespace PatientPortal.Modules.Appointments.Features;

/// <summary>Routine types of the specialty, bookable online, that the practitioner's schedule offers at the site.</summary>
internal sealed class ListBookableTypesHandler(AppointmentsDbContext db, WizardCatalog catalog)
    : IRequestHandler<ListBookableTypes, Result<IReadOnlyList<WizardChoice>>>
{
    public async Task<Result<IReadOnlyList<WizardChoice>>> Handle(ListBookableTypes request, CancellationToken cancellationToken)
    {
        if (!await catalog.MayBookAsync(request.ProfileId, cancellationToken)
            || await catalog.PractitionerAsync(request.SpecialtyId, request.PractitionerId, request.SiteId, cancellationToken) is null
            || !await catalog.SiteActiveAsync(request.SiteId, cancellationToken))
        {
            return Error.NotFound;
        }

        var offered = await catalog.OfferedTypesAsync(request.SiteId, request.PractitionerId, cancellationToken);
        var types = await db.AppointmentTypes.AsNoTracking()
            .Where(t => t.Active && t.BookableOnline && t.Emergency == EmergencyCategory.None && t.SpecialtyId == request.SpecialtyId)
            .ToListAsync(cancellationToken);
        return types.Where(t => offered.Contains(t.Id)).Select(WizardCatalog.Choice).OrderBy(c => c.Name, StringComparer.CurrentCulture).ToList();
    }
}
