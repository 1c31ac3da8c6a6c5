using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Appointments.Contracts;

/// <summary>
/// Staff only: a practitioner's day (<see cref="CalendarSpan.Day"/>) or week (Monday to Sunday, clinic time) around
/// <paramref name="Day"/>: the appointments with the patient's name, type, site and status, and the free slots that
/// staff may book (from now to the booking horizon). An unknown practitioner is "not found".
/// </summary>
public sealed record GetPractitionerCalendar(Guid PractitionerId, DateOnly Day, CalendarSpan Span) : IRequest<Result<PractitionerCalendar>>;
