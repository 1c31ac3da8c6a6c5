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

    /// <summary>
    /// Whether a schedule that has not ended offers the type at the site (and with that practitioner): the rule of
    /// <see cref="OfferedTypesAsync"/> for one type, asked as one EXISTS instead of reading every block of the site (the
    /// emergency grid on a 50-practitioner clinic read 600 rows for it; bench/Appointments).
    /// </summary>
    public Task<bool> OffersAsync(Guid typeId, Guid siteId, Guid? practitionerId, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        return db.ScheduleBlocks
            .Where(b => b.EffectiveUntil == null || b.EffectiveUntil >= today)
            .Where(b => b.SiteId == siteId)
            .Where(b => practitionerId == null || b.PractitionerId == practitionerId)
            .AnyAsync(b => b.Types.Any(t => t.AppointmentTypeId == typeId), cancellationToken);
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

    /// <summary>A routine type of the specialty, bookable online, that the practitioner's schedule offers at the site.</summary>
    public async Task<AppointmentType?> RoutineTypeAsync(Guid typeId, Guid practitionerId, Guid siteId, CancellationToken cancellationToken)
    {
        var type = await db.AppointmentTypes.AsNoTracking().SingleOrDefaultAsync(
            t => t.Id == typeId && t.Active && t.BookableOnline && t.Emergency == EmergencyCategory.None && t.SpecialtyId != null, cancellationToken);
        if (type is null || await PractitionerAsync(type.SpecialtyId!.Value, practitionerId, siteId, cancellationToken) is null
            || !await SiteActiveAsync(siteId, cancellationToken))
        {
            return null;
        }

        return await OffersAsync(type.Id, siteId, practitionerId, cancellationToken) ? type : null;
    }

    /// <summary>An emergency type, bookable online, that some schedule offers at the site.</summary>
    public async Task<AppointmentType?> EmergencyTypeAsync(Guid typeId, Guid siteId, CancellationToken cancellationToken)
    {
        var type = await db.AppointmentTypes.AsNoTracking().SingleOrDefaultAsync(
            t => t.Id == typeId && t.Active && t.BookableOnline && t.Emergency != EmergencyCategory.None, cancellationToken);
        if (type is null || !await SiteActiveAsync(siteId, cancellationToken))
        {
            return null;
        }

        return await OffersAsync(type.Id, siteId, null, cancellationToken) ? type : null;
    }

    public Task<bool> SiteActiveAsync(Guid siteId, CancellationToken cancellationToken) => db.Sites.AnyAsync(s => s.Id == siteId && s.Active, cancellationToken);

    public static WizardChoice Choice(AppointmentType type) =>
        new(type.Id, type.Name.In(Language), type.Description?.In(Language), type.DurationMinutes);
}
