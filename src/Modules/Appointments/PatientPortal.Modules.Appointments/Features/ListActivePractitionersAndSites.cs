using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Appointments.Features;

internal sealed class ListActivePractitionersAndSitesHandler(AppointmentsDbContext db, ICurrentAccount current)
    : IRequestHandler<ListActivePractitionersAndSites, Result<ActivePractitionersAndSites>>
{
    public async Task<Result<ActivePractitionersAndSites>> Handle(ListActivePractitionersAndSites request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var practitioners = await db.Practitioners.AsNoTracking().Where(p => p.Active)
            .Select(p => new CatalogName(p.Id, p.DisplayName)).ToListAsync(cancellationToken);
        var sites = await db.Sites.AsNoTracking().Where(s => s.Active)
            .Select(s => new { s.Id, s.Name, s.IsVirtual }).ToListAsync(cancellationToken);
        return new ActivePractitionersAndSites(
            [.. practitioners.OrderBy(p => p.Name, StringComparer.CurrentCulture)],
            [.. sites.OrderBy(s => s.IsVirtual).ThenBy(s => s.Name, StringComparer.CurrentCulture).Select(s => new CatalogName(s.Id, s.Name))]);
    }
}
