using PatientPortal.Modules.Appointments.Reading;

namespace PatientPortal.Modules.Appointments.Features;

/// <summary>The active sites the practitioner (of that specialty) works at, by name.</summary>
internal sealed class ListPractitionerSitesHandler(AppointmentsDbContext db, WizardCatalog catalog)
    : IRequestHandler<ListPractitionerSites, Result<IReadOnlyList<WizardChoice>>>
{
    public async Task<Result<IReadOnlyList<WizardChoice>>> Handle(ListPractitionerSites request, CancellationToken cancellationToken)
    {
        if (!await catalog.MayBookAsync(request.ProfileId, cancellationToken)
            || await catalog.PractitionerAsync(request.SpecialtyId, request.PractitionerId, null, cancellationToken) is not { } practitioner)
        {
            return Error.NotFound;
        }

        var ids = practitioner.Sites.Select(s => s.SiteId).ToList();
        var sites = await db.Sites.AsNoTracking().Where(s => s.Active && ids.Contains(s.Id)).ToListAsync(cancellationToken);
        return sites.OrderBy(s => s.IsVirtual).ThenBy(s => s.Name, StringComparer.CurrentCulture).Select(s => new WizardChoice(s.Id, s.Name)).ToList();
    }
}
