using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Appointments.Contracts;

/// <summary>
/// Staff only: the clinic cancels an appointment, at any time before it starts (<see cref="AppointmentsErrors.AlreadyStarted"/>
/// afterwards), with a short note for staff (required; never put in the email). The patient and the proxies are told
/// ("the clinic had to cancel", with a calendar file that removes it). Sent again for an appointment that is already
/// cancelled, it succeeds and changes nothing: no second notice.
/// </summary>
public sealed record StaffCancelAppointment(Guid AppointmentId, string Note) : IRequest<Result>
{
    public const int NoteMaxLength = 200;
}
