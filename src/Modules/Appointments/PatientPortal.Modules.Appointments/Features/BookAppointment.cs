using System.Globalization;
using Microsoft.Extensions.Options;
using PatientPortal.Modules.Appointments.Emails;
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
    }
}

/// <summary>
/// Books under two locks taken in a fixed order, the profile's (its count of upcoming bookings) then the
/// practitioner's (their free times): inside them the slot is looked up again among the free slots, so twenty parallel
/// requests for one slot make one booking and nineteen "this time was just taken". The unique index on a live
/// appointment's practitioner and start stands behind the lock.
/// </summary>
internal sealed class BookAppointmentHandler(
    AppointmentsDbContext db, ICurrentAccount current, IMediator mediator, SlotFinder slots, AppointmentMail mail,
    IOptions<AppointmentsOptions> options, TimeProvider clock)
    : IRequestHandler<BookAppointment, Result<Guid>>
{
    // Keeps these advisory locks apart from any other use of pg_advisory_xact_lock on the database.
    private const long LockSpace = 0x424F4F4B494E4753; // "BOOKINGS"

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

        var now = clock.GetUtcNow();
        if (request.StartUtc <= now)
        {
            return new Error(AppointmentsErrors.SlotInPast);
        }

        var day = slots.ClinicDay(request.StartUtc);
        if (day > slots.LastBookableDay)
        {
            return new Error(AppointmentsErrors.SlotBeyondHorizon) { Arguments = [options.Value.BookingHorizonDays.ToString(CultureInfo.InvariantCulture)] };
        }

        // Whom to tell is looked up before the locks are taken, so they are held no longer for it.
        var recipients = await mail.RecipientsAsync(request.ProfileId, NotificationKind.AppointmentEmails, cancellationToken);
        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(() => BookAsync(request, type, day, accountId, recipients, cancellationToken));
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return new Error(AppointmentsErrors.SlotTaken);
        }
    }

    private async Task<Result<Guid>> BookAsync(
        BookAppointment request, AppointmentType type, DateOnly day, Guid accountId, MailRecipients recipients, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await WriteLock.BeginAsync(db, LockSpace, [request.ProfileId, request.PractitionerId], cancellationToken);
        var now = clock.GetUtcNow();
        var upcoming = await db.Appointments.CountAsync(
            a => a.ProfileId == request.ProfileId && a.StartUtc > now && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.Confirmed),
            cancellationToken);
        if (upcoming >= options.Value.MaxUpcomingPerProfile)
        {
            return new Error(AppointmentsErrors.TooManyUpcoming) { Arguments = [options.Value.MaxUpcomingPerProfile.ToString(CultureInfo.InvariantCulture)] };
        }

        // Most requests that race for one slot find it just taken: one query says so, and the practitioner's lock is
        // released sooner for the next (bench/Appointments, 16 at once). Only an overlapping live appointment is refused
        // here; every other rule is the free slots' below.
        var start = request.StartUtc;
        var end = start + type.Duration;
        var earliest = start - SlotFinder.LongestAppointment;
        if (await db.Appointments.AnyAsync(
                a => a.PractitionerId == request.PractitionerId && a.StartUtc >= earliest && a.StartUtc < end && start < a.EndUtc && a.Status != AppointmentStatus.Cancelled,
                cancellationToken))
        {
            return new Error(AppointmentsErrors.SlotTaken);
        }

        var free = await slots.FindAsync(type, request.SiteId, [request.PractitionerId], day, day, cancellationToken);
        if (!free.Any(s => s.StartUtc == request.StartUtc))
        {
            return new Error(AppointmentsErrors.SlotTaken);
        }

        var appointment = Appointment.Book(
            request.ProfileId, request.PractitionerId, request.SiteId, type, request.StartUtc, request.Reason,
            request.Emergency ? BookingChannel.Emergency : BookingChannel.Portal, accountId, now);
        db.Appointments.Add(appointment);
        await mail.QueueBookedAsync(db, appointment, recipients, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return appointment.Id;
    }
}
