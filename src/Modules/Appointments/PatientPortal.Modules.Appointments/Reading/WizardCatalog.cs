using System.Globalization;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Appointments.Reading;

/// <summary>
/// What the booking wizards may offer, one home for the rules every step checks again from the ids in the URL: a profile
/// the account may book for now; active specialties, practitioners, sites; a type patients may book online, of the
/// right kind, that a schedule (current or to come) offers at that site (and with that practitioner, for a routine type).
/// </summary>
internal sealed class WizardCatalog(AppointmentsDbContext db, IMediator mediator, ClinicCalendar calendar)
{
    public static string Language => CultureInfo.CurrentUICulture.Name;

    public Task<bool> MayBookAsync(Guid profileId, CancellationToken cancellationToken) =>
        mediator.Send(new MayActFor(profileId, ProfileTabs.Appointments), cancellationToken);

    /// <summary>The types offered by the schedules that have not ended, at a site, optionally for one practitioner.</summary>
    public async Task<HashSet<Guid>> OfferedTypesAsync(Guid? siteId, Guid? practitionerId, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var blocks = await db.ScheduleBlocks.AsNoTracking()
            .Where(b => b.EffectiveUntil == null || b.EffectiveUntil >= today)
            .Where(b => siteId == null || b.SiteId == siteId)
            .Where(b => practitionerId == null || b.PractitionerId == practitionerId)
            .ToListAsync(cancellationToken);
        return [.. blocks.SelectMany(b => b.Types.Select(t => t.AppointmentTypeId))];
    }

    /// <summary>Sites (active) whose live schedules offer one of the given types.</summary>
    public async Task<List<Guid>> SitesOfferingAsync(IReadOnlyCollection<Guid> typeIds, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var blocks = await db.ScheduleBlocks.AsNoTracking().Where(b => b.EffectiveUntil == null || b.EffectiveUntil >= today).ToListAsync(cancellationToken);
        return [.. blocks.Where(b => b.Types.Any(t => typeIds.Contains(t.AppointmentTypeId))).Select(b => b.SiteId).Distinct()];
    }

    /// <summary>An active practitioner of the specialty who works at the site (site optional).</summary>
    public async Task<Practitioner?> PractitionerAsync(Guid specialtyId, Guid practitionerId, Guid? siteId, CancellationToken cancellationToken)
    {
        var practitioner = await db.Practitioners.AsNoTracking().SingleOrDefaultAsync(p => p.Id == practitionerId && p.Active, cancellationToken);
        if (practitioner is null || !practitioner.Specialties.Any(s => s.SpecialtyId == specialtyId)
            || (siteId is { } site && !practitioner.Sites.Any(s => s.SiteId == site)))
        {
            return null;
        }

        return await db.Specialties.AnyAsync(s => s.Id == specialtyId && s.Active, cancellationToken) ? practitioner : null;
    }

    /// <summary>
    /// A routine type of the specialty, bookable online, that the practitioner's schedule offers at the site: the type,
    /// its specialty, the practitioner (of that specialty, working at the site) and the site all active. One round trip:
    /// the grid asks it on every week (bench/Appointments: five queries cost PostgreSQL the grid's 5 ms budget).
    /// </summary>
    public Task<AppointmentType?> RoutineTypeAsync(Guid typeId, Guid practitionerId, Guid siteId, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        return db.AppointmentTypes.AsNoTracking()
            .Where(t => t.Id == typeId && t.Active && t.BookableOnline && t.Emergency == EmergencyCategory.None && t.SpecialtyId != null)
            .Where(t => db.Specialties.Any(s => s.Id == t.SpecialtyId && s.Active))
            .Where(t => db.Sites.Any(s => s.Id == siteId && s.Active))
            .Where(t => db.Practitioners.Any(p => p.Id == practitionerId && p.Active
                && p.Specialties.Any(s => s.SpecialtyId == t.SpecialtyId) && p.Sites.Any(s => s.SiteId == siteId)))
            .Where(t => db.ScheduleBlocks.Any(b => (b.EffectiveUntil == null || b.EffectiveUntil >= today)
                && b.SiteId == siteId && b.PractitionerId == practitionerId && b.Types.Any(x => x.AppointmentTypeId == typeId)))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// An emergency type, bookable online, that some schedule offers at the (active) site; one round trip, and an EXISTS
    /// rather than every block of the site (the emergency grid on a 50-practitioner clinic read 600 rows; bench/Appointments).
    /// </summary>
    public Task<AppointmentType?> EmergencyTypeAsync(Guid typeId, Guid siteId, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        return db.AppointmentTypes.AsNoTracking()
            .Where(t => t.Id == typeId && t.Active && t.BookableOnline && t.Emergency != EmergencyCategory.None)
            .Where(t => db.Sites.Any(s => s.Id == siteId && s.Active))
            .Where(t => db.ScheduleBlocks.Any(b => (b.EffectiveUntil == null || b.EffectiveUntil >= today)
                && b.SiteId == siteId && b.Types.Any(x => x.AppointmentTypeId == typeId)))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public Task<bool> SiteActiveAsync(Guid siteId, CancellationToken cancellationToken) => db.Sites.AnyAsync(s => s.Id == siteId && s.Active, cancellationToken);

    public static WizardChoice Choice(AppointmentType type) =>
        new(type.Id, type.Name.In(Language), type.Description?.In(Language), type.DurationMinutes);
}
