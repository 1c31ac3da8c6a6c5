using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Appointments.Contracts;

/// <summary>
/// Choose an Availability: a week of free slots of a type at a site, with one practitioner (routine) or anyone whose
/// schedule offers it (<paramref name="PractitionerId"/> null: emergency, soonest first). <paramref name="Week"/>: any
/// day of the week to show (the arrows); null jumps to the first week with a slot on or after <paramref name="After"/>
/// ("Anytime after"; null: "As soon as possible"). Slots before <paramref name="After"/> are not shown. Every id is
/// checked again: a type not bookable online, not of that kind, or not offered there is "not found".
/// </summary>
public sealed record GetAvailabilities(
    Guid ProfileId, Guid AppointmentTypeId, Guid SiteId, Guid? PractitionerId, DateOnly? After, DateOnly? Week, bool Emergency = false)
    : IRequest<Result<AvailabilityWeek>>;
