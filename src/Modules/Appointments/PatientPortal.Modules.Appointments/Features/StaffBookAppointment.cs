using System.Globalization;
using Microsoft.Extensions.Options;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Appointments.Scheduling;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Appointments.Features;

internal sealed class StaffBookAppointmentValidator : AbstractValidator<StaffBookAppointment>
{
    public StaffBookAppointmentValidator(IOptions<AppointmentsOptions> options)
    {
        RuleFor(r => r.Reason).Must(r => r is null || r.Trim().Length <= options.Value.ReasonMaxLength)
            .WithErrorCode(AppointmentsErrors.ReasonTooLong)
            .WithState(_ => new[] { options.Value.ReasonMaxLength.ToString(CultureInfo.InvariantCulture) });
    }
}

/// <summary>
/// Staff book any active type the practitioner's block offers at that time (bookable online or not, routine or
/// emergency), for a record Profiles knows, through <see cref="SlotBooking"/> like a patient: same locks, same free-slot
/// check, same past and horizon rules; not held to the per-profile limit (ADR 0015).
/// </summary>
internal sealed class StaffBookAppointmentHandler(AppointmentsDbContext db, ICurrentAccount current, IMediator mediator, SlotBooking booking)
    : IRequestHandler<StaffBookAppointment, Result<Guid>>
{
    public async Task<Result<Guid>> Handle(StaffBookAppointment request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var patient = await mediator.Send(new GetPatientNames([request.ProfileId]), cancellationToken);
        if (patient.IsFailure || patient.Value.Count == 0)
        {
            return new Error(AppointmentsErrors.UnknownPatient);
        }

        var type = await db.AppointmentTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == request.AppointmentTypeId && t.Active, cancellationToken);
        if (type is null)
        {
            // Deactivated (or never existed) since the calendar was drawn: not a taken time, a choice to make again.
            return new Error(AppointmentsErrors.UnknownChoice);
        }

        return await booking.BookAsync(
            new SlotBookingRequest(
                request.ProfileId, type, request.SiteId, request.PractitionerId, request.StartUtc, request.Reason, BookingChannel.Staff,
                current.AccountId!.Value, MaxUpcoming: null),
            cancellationToken);
    }
}
