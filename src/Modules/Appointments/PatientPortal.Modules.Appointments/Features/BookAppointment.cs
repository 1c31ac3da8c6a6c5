using System.Globalization;
using Microsoft.Extensions.Options;
using PatientPortal.Modules.Appointments.Scheduling;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Appointments.Features;

internal sealed class BookAppointmentValidator : AbstractValidator<BookAppointment>
{
    public BookAppointmentValidator(IOptions<AppointmentsOptions> options)
    {
        RuleFor(r => r.Reason).Must(r => r is null || r.Trim().Length <= options.Value.ReasonMaxLength)
            .WithErrorCode(AppointmentsErrors.ReasonTooLong)
            .WithState(_ => new[] { options.Value.ReasonMaxLength.ToString(CultureInfo.InvariantCulture) });
        // A NUL is refused by PostgreSQL and other control characters have no place in a text staff read.
        RuleFor(r => r.Reason).Must(r => r is null || !r.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            .WithErrorCode(AppointmentsErrors.ReasonInvalidCharacters);
    }
}

/// <summary>
/// A patient's booking: the account needs the Appointments permission for the profile, the type must be bookable online
/// (and an emergency category exactly when booked as one), and the profile is held to its limit of upcoming bookings.
/// The slot itself is booked by <see cref="SlotBooking"/>, under its locks.
/// </summary>
internal sealed class BookAppointmentHandler(
    AppointmentsDbContext db, ICurrentAccount current, IMediator mediator, SlotBooking booking, IOptions<AppointmentsOptions> options)
    : IRequestHandler<BookAppointment, Result<Guid>>
{
    public async Task<Result<Guid>> Handle(BookAppointment request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } accountId || !await mediator.Send(new MayActFor(request.ProfileId, ProfileTabs.Appointments), cancellationToken))
        {
            return Error.NotFound;
        }

        var type = await db.AppointmentTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == request.AppointmentTypeId && t.Active, cancellationToken);
        if (type is null || !type.BookableOnline || (type.Emergency != EmergencyCategory.None) != request.Emergency)
        {
            return new Error(AppointmentsErrors.TypeNotBookableOnline);
        }

        return await booking.BookAsync(
            new SlotBookingRequest(
                request.ProfileId, type, request.SiteId, request.PractitionerId, request.StartUtc, request.Reason,
                request.Emergency ? BookingChannel.Emergency : BookingChannel.Portal, accountId, options.Value.MaxUpcomingPerProfile),
            cancellationToken);
    }
}
