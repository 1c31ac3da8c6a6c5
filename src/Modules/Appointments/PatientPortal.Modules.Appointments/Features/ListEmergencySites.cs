using PatientPortal.Modules.Appointments.Reading;

namespace PatientPortal.Modules.Appointments.Features;

/// <summary>Active sites where a live schedule offers an emergency type bookable online.</summary>
internal sealed class ListEmergencySitesHandler(AppointmentsDbContext db, WizardCatalog catalog)
    : IRequestHandler<ListEmergencySites, Result<IReadOnlyList<WizardChoice>>>
{
    public async Task<Result<IReadOnlyList<WizardChoice>>> Handle(ListEmergencySites request, CancellationToken cancellationToken)
    {
        if (!await catalog.MayBookAsync(request.ProfileId, cancellationToken))
        {
            return Error.NotFound;
        }

        var emergencyTypes = await db.AppointmentTypes.AsNoTracking()
            .Where(t => t.Active && t.BookableOnline && t.Emergency != EmergencyCategory.None).Select(t => t.Id).ToListAsync(cancellationToken);
        var ids = await catalog.SitesOfferingAsync(emergencyTypes, cancellationToken);
        var sites = await db.Sites.AsNoTracking().Where(s => s.Active && ids.Contains(s.Id)).ToListAsync(cancellationToken);
        return sites.OrderBy(s => s.IsVirtual).ThenBy(s => s.Name, StringComparer.CurrentCulture).Select(s => new WizardChoice(s.Id, s.Name)).ToList();
    }
}
