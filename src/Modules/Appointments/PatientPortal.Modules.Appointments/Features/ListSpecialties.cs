using PatientPortal.Modules.Appointments.Reading;

namespace PatientPortal.Modules.Appointments.Features;

/// <summary>Active specialties that have a routine type bookable online, by name in the reader's language.</summary>
internal sealed class ListSpecialtiesHandler(AppointmentsDbContext db, WizardCatalog catalog) : IRequestHandler<ListSpecialties, Result<IReadOnlyList<WizardChoice>>>
{
    public async Task<Result<IReadOnlyList<WizardChoice>>> Handle(ListSpecialties request, CancellationToken cancellationToken)
    {
        if (!await catalog.MayBookAsync(request.ProfileId, cancellationToken))
        {
            return Error.NotFound;
        }

        var bookable = await db.AppointmentTypes.AsNoTracking()
            .Where(t => t.Active && t.BookableOnline && t.Emergency == EmergencyCategory.None && t.SpecialtyId != null)
            .Select(t => t.SpecialtyId!.Value).Distinct().ToListAsync(cancellationToken);
        var specialties = await db.Specialties.AsNoTracking().Where(s => s.Active && bookable.Contains(s.Id)).ToListAsync(cancellationToken);
        return specialties.Select(s => new WizardChoice(s.Id, s.Name.In(WizardCatalog.Language)))
            .OrderBy(c => c.Name, StringComparer.CurrentCulture).ToList();
    }
}
