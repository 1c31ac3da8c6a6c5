using PatientPortal.Modules.Appointments.Reading;

namespace PatientPortal.Modules.Appointments.Features;

/// <summary>The Confirm Appointment page's names, after the same checks as the grid (the slot is checked when booked).</summary>
internal sealed class GetBookingSummaryHandler(AppointmentsDbContext db, WizardCatalog catalog) : IRequestHandler<GetBookingSummary, Result<BookingSummary>>
{
    public async Task<Result<BookingSummary>> Handle(GetBookingSummary request, CancellationToken cancellationToken)
    {
        if (!await catalog.MayBookAsync(request.ProfileId, cancellationToken))
        {
            return Error.NotFound;
        }

        var type = request.Emergency
            ? await catalog.EmergencyTypeAsync(request.AppointmentTypeId, request.SiteId, cancellationToken)
            : await catalog.RoutineTypeAsync(request.AppointmentTypeId, request.PractitionerId, request.SiteId, cancellationToken);
        var practitioner = await db.Practitioners.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.PractitionerId && p.Active, cancellationToken);
        var site = await db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.SiteId && s.Active, cancellationToken);
        if (type is null || practitioner is null || site is null || !practitioner.Sites.Any(s => s.SiteId == site.Id))
        {
            return Error.NotFound;
        }

        var specialty = type.SpecialtyId is { } id ? await db.Specialties.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) : null;
        return new BookingSummary(practitioner.DisplayName, specialty?.Name.In(WizardCatalog.Language),
            new SiteView(site.Id, site.Name, site.AddressLine, site.City, site.Province, site.PostalCode, site.Phone, site.IsVirtual),
            type.Name.In(WizardCatalog.Language), type.DurationMinutes);
    }
}
