using PatientPortal.Modules.Accounts.Contracts;
using static PatientPortal.Modules.Appointments.Domain.ClinicAdminRules;

namespace PatientPortal.Modules.Appointments.Features;

internal sealed class GetClinicCatalogHandler(AppointmentsDbContext db, ICurrentAccount current) : IRequestHandler<GetClinicCatalog, Result<ClinicCatalog>>
{
    public async Task<Result<ClinicCatalog>> Handle(GetClinicCatalog request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var sites = await db.Sites.AsNoTracking().ToListAsync(cancellationToken);
        var specialties = await db.Specialties.AsNoTracking().ToListAsync(cancellationToken);
        var practitioners = await db.Practitioners.AsNoTracking().ToListAsync(cancellationToken);
        var types = await db.AppointmentTypes.AsNoTracking().ToListAsync(cancellationToken);
        return new ClinicCatalog(
            [.. sites.OrderByDescending(s => s.Active).ThenBy(s => s.Name, StringComparer.CurrentCulture)
                .Select(s => new SiteEntry(s.Id, new SiteDetails(s.Name, s.AddressLine, s.City, s.Province, s.PostalCode, s.Phone, s.IsVirtual), s.Active))],
            [.. specialties.OrderByDescending(s => s.Active).ThenBy(s => s.Name.En, StringComparer.CurrentCulture)
                .Select(s => new SpecialtyEntry(s.Id, ToName(s.Name), s.Active))],
            [.. practitioners.OrderByDescending(p => p.Active).ThenBy(p => p.DisplayName, StringComparer.CurrentCulture)
                .Select(p => new PractitionerEntry(p.Id, new PractitionerDetails(p.DisplayName, [.. p.Specialties.Select(s => s.SpecialtyId)], [.. p.Sites.Select(s => s.SiteId)]), p.Active))],
            [.. types.OrderByDescending(t => t.Active).ThenBy(t => t.Emergency).ThenBy(t => t.Name.En, StringComparer.CurrentCulture)
                .Select(t => new AppointmentTypeEntry(t.Id, new AppointmentTypeDetails(
                    ToName(t.Name), ToOptionalName(t.Description), t.DurationMinutes, t.SpecialtyId, t.BookableOnline, t.Emergency, ToOptionalName(t.VisitMessage)), t.Active))]);
    }
}
