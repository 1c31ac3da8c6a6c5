using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Appointments.Contracts;

// The clinic's catalog and schedules, staff only (StaffOnly: staff or admin past the second factor); anyone else gets
// Forbidden. Nothing appointments point to is ever deleted: it is deactivated, and then no longer offered for booking.

/// <summary>Staff only: every site, specialty, practitioner and appointment type, deactivated ones included.</summary>
public sealed record GetClinicCatalog : IRequest<Result<ClinicCatalog>>;

/// <summary>Staff only: creates a site (<paramref name="SiteId"/> null) or edits one. Returns its id.</summary>
public sealed record SaveSite(Guid? SiteId, SiteDetails Details) : IRequest<Result<Guid>>;

/// <summary>Staff only: creates a specialty (<paramref name="SpecialtyId"/> null) or renames one. Returns its id.</summary>
public sealed record SaveSpecialty(Guid? SpecialtyId, LocalizedName Name) : IRequest<Result<Guid>>;

/// <summary>Staff only: creates a practitioner (<paramref name="PractitionerId"/> null) or edits one. Returns their id.</summary>
public sealed record SavePractitioner(Guid? PractitionerId, PractitionerDetails Details) : IRequest<Result<Guid>>;

/// <summary>Staff only: creates an appointment type (<paramref name="AppointmentTypeId"/> null) or edits one. Returns its id.</summary>
public sealed record SaveAppointmentType(Guid? AppointmentTypeId, AppointmentTypeDetails Details) : IRequest<Result<Guid>>;

/// <summary>
/// Staff only: deactivates (no longer offered for booking; existing appointments keep it) or reactivates a site,
/// specialty, practitioner or appointment type.
/// </summary>
public sealed record SetCatalogItemActive(CatalogItem Item, Guid Id, bool Active) : IRequest<Result>;

/// <summary>Staff only: a practitioner's weekly blocks and closed days.</summary>
public sealed record GetPractitionerSchedule(Guid PractitionerId) : IRequest<Result<PractitionerSchedule>>;

/// <summary>
/// Staff only: a weekly block of bookable time (clinic time) for a practitioner at a site where they work, offering at
/// least one active type of their specialties (or an emergency category). Returns its id.
/// </summary>
public sealed record AddScheduleBlock(
    Guid PractitionerId, Guid SiteId, DayOfWeek Day, TimeOnly Start, TimeOnly End, int SlotMinutes, IReadOnlyList<Guid> TypeIds,
    DateOnly EffectiveFrom, DateOnly? EffectiveUntil) : IRequest<Result<Guid>>;

/// <summary>Staff only: removes a weekly block of that practitioner (appointments already booked in it stay).</summary>
public sealed record RemoveScheduleBlock(Guid PractitionerId, Guid BlockId) : IRequest<Result>;

/// <summary>
/// Staff only: closed days, first and last included: for the whole clinic (no practitioner, no site), a site, or a
/// practitioner (at one site, or everywhere). The label is for staff. Returns its id.
/// </summary>
public sealed record AddClosedDays(Guid? PractitionerId, Guid? SiteId, DateOnly FirstDay, DateOnly LastDay, string Label) : IRequest<Result<Guid>>;

/// <summary>Staff only: removes closed days.</summary>
public sealed record RemoveClosedDays(Guid ClosedDaysId) : IRequest<Result>;
