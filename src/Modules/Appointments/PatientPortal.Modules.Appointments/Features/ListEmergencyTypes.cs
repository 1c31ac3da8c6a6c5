using PatientPortal.Modules.Appointments.Reading;

namespace PatientPortal.Modules.Appointments.Features;

/// <summary>The emergency types offered at the site, minor before complex, each with its description.</summary>
internal sealed class ListEmergencyTypesHandler(AppointmentsDbContext db, WizardCatalog catalog)
    : IRequestHandler<ListEmergencyTypes, Result<IReadOnlyList<WizardChoice>>>
{
    public async Task<Result<IReadOnlyList<WizardChoice>>> Handle(ListEmergencyTypes request, CancellationToken cancellationToken)
    {
        if (!await catalog.MayBookAsync(request.ProfileId, cancellationToken) || !await catalog.SiteActiveAsync(request.SiteId, cancellationToken))
        {
            return Error.NotFound;
        }

        var offered = await catalog.OfferedTypesAsync(request.SiteId, null, cancellationToken);
        var types = await db.AppointmentTypes.AsNoTracking()
            .Where(t => t.Active && t.BookableOnline && t.Emergency != EmergencyCategory.None).ToListAsync(cancellationToken);
        return types.Where(t => offered.Contains(t.Id)).OrderBy(t => t.Emergency).ThenBy(t => t.Name.In(WizardCatalog.Language), StringComparer.CurrentCulture)
            .Select(WizardCatalog.Choice).ToList();
    }
}
