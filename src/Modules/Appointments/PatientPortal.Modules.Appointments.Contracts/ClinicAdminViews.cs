namespace PatientPortal.Modules.Appointments.Contracts;

/// <summary>A text the clinic gives in both languages (names, descriptions, visit messages).</summary>
public sealed record LocalizedName(string En, string Fr);

/// <summary>A site as staff edit it. A virtual site ("Virtual appointment") needs no address.</summary>
public sealed record SiteDetails(string Name, string? AddressLine, string? City, string? Province, string? PostalCode, string? Phone, bool IsVirtual);

/// <summary>A practitioner as staff edit them: the name patients see, their specialties and the sites they work at.</summary>
public sealed record PractitionerDetails(string DisplayName, IReadOnlyList<Guid> SpecialtyIds, IReadOnlyList<Guid> SiteIds);

/// <summary>
/// An appointment type as staff edit it. A routine type belongs to a specialty; an emergency category has none (it is
/// offered at a site by whoever works there). Description and visit message are optional, but in both languages when given.
/// </summary>
public sealed record AppointmentTypeDetails(
    LocalizedName Name, LocalizedName? Description, int DurationMinutes, Guid? SpecialtyId, bool BookableOnline, EmergencyCategory Emergency,
    LocalizedName? VisitMessage);

public sealed record SiteEntry(Guid Id, SiteDetails Details, bool Active);

public sealed record SpecialtyEntry(Guid Id, LocalizedName Name, bool Active);

public sealed record PractitionerEntry(Guid Id, PractitionerDetails Details, bool Active);

public sealed record AppointmentTypeEntry(Guid Id, AppointmentTypeDetails Details, bool Active);

/// <summary>Everything the clinic offers, deactivated things included (staff may turn them back on).</summary>
public sealed record ClinicCatalog(
    IReadOnlyList<SiteEntry> Sites, IReadOnlyList<SpecialtyEntry> Specialties, IReadOnlyList<PractitionerEntry> Practitioners,
    IReadOnlyList<AppointmentTypeEntry> Types);

/// <summary>A weekly block, in clinic time.</summary>
public sealed record ScheduleBlockView(
    Guid Id, Guid SiteId, DayOfWeek Day, TimeOnly Start, TimeOnly End, int SlotMinutes, IReadOnlyList<Guid> TypeIds, DateOnly EffectiveFrom,
    DateOnly? EffectiveUntil);

/// <summary>Closed days: the whole clinic (no practitioner, no site), a site, or a practitioner.</summary>
public sealed record ClosedDaysView(Guid Id, Guid? PractitionerId, Guid? SiteId, DateOnly FirstDay, DateOnly LastDay, string Label);

/// <summary>A practitioner's weekly blocks, and the closed days that concern them (theirs, their sites', the clinic's).</summary>
public sealed record PractitionerSchedule(
    Guid PractitionerId, string DisplayName, bool Active, IReadOnlyList<ScheduleBlockView> Blocks, IReadOnlyList<ClosedDaysView> ClosedDays);

/// <summary>What <see cref="SetCatalogItemActive"/> turns off or on.</summary>
public enum CatalogItem
{
    Site,
    Specialty,
    Practitioner,
    AppointmentType,
}
