using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Appointments.Contracts;

/// <summary>
/// Staff only: the patient arrived (from the appointment's clinic day on) or did not come (once it has started); it shows
/// in the patient's Appointment History. Staff may correct one with the other; a cancelled appointment is refused
/// (<see cref="AppointmentsErrors.NoLongerActive"/>), an early one too (<see cref="AppointmentsErrors.AttendanceTooEarly"/>).
/// </summary>
public sealed record RecordAttendance(Guid AppointmentId, bool Arrived) : IRequest<Result>;
