using System.Globalization;
using Microsoft.Extensions.Options;
using PatientPortal.Modules.Appointments.Emails;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Appointments.Scheduling;

/// <summary>What a booking asks for, once its caller has authorized it and checked the type may be booked this way.</summary>
/// <param name="MaxUpcoming">The profile's limit of upcoming bookings (a patient's booking), or null (staff are not held to it).</param>
internal sealed record SlotBookingRequest(
    Guid ProfileId, AppointmentType Type, Guid SiteId, Guid PractitionerId, DateTimeOffset StartUtc, string? Reason,
    BookingChannel Channel, Guid BookedBy, int? MaxUpcoming);

/// <summary>
/// The one way a slot becomes an appointment, for a patient's booking and for staff's. Books under two locks taken in a
/// fixed order, the profile's (its count of upcoming bookings) then the practitioner's (their free times): inside them
/// the slot is looked up again among the free slots, so twenty parallel requests for one slot make one booking and
/// nineteen "this time was just taken". The unique index on a live appointment's practitioner and start stands behind
/// the lock. One person never holds two overlapping appointments, whoever the practitioners. The booking confirmation
/// is queued in the same save.
/// </summary>
internal sealed class SlotBooking(AppointmentsDbContext db, SlotFinder slots, AppointmentMail mail, IOptions<AppointmentsOptions> options, TimeProvider clock)
{
    // Keeps these advisory locks apart from any other use of pg_advisory_xact_lock on the database.
    private const long LockSpace = 0x424F4F4B494E4753; // "BOOKINGS"

    public async Task<Result<Guid>> BookAsync(SlotBookingRequest request, CancellationToken cancellationToken)
    {
        if (request.StartUtc <= clock.GetUtcNow())
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
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(() => LockedAsync(request, day, recipients, cancellationToken));
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return new Error(AppointmentsErrors.SlotTaken);
        }
    }

    private async Task<Result<Guid>> LockedAsync(SlotBookingRequest request, DateOnly day, MailRecipients recipients, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await WriteLock.BeginAsync(db, LockSpace, [request.ProfileId, request.PractitionerId], cancellationToken);
        var now = clock.GetUtcNow();
        if (request.MaxUpcoming is { } max)
        {
            var upcoming = await db.Appointments.CountAsync(
                a => a.ProfileId == request.ProfileId && a.StartUtc > now && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.Confirmed),
                cancellationToken);
            if (upcoming >= max)
            {
                return new Error(AppointmentsErrors.TooManyUpcoming) { Arguments = [max.ToString(CultureInfo.InvariantCulture)] };
            }
        }

        // Most requests that race for one slot find it just taken: one query says so, and the practitioner's lock is
        // released sooner for the next (bench/Appointments, 16 at once). Only an overlapping live appointment is refused
        // here; every other rule is the free slots' below.
        var start = request.StartUtc;
        var end = start + request.Type.Duration;
        var earliest = start - SlotFinder.LongestAppointment;
        if (await db.Appointments.AnyAsync(
                a => a.PractitionerId == request.PractitionerId && a.StartUtc >= earliest && a.StartUtc < end && start < a.EndUtc && a.Status != AppointmentStatus.Cancelled,
                cancellationToken))
        {
            return new Error(AppointmentsErrors.SlotTaken);
        }

        var free = await slots.FindAsync(request.Type, request.SiteId, [request.PractitionerId], day, day, cancellationToken);
        if (!free.Any(s => s.StartUtc == request.StartUtc))
        {
            return new Error(AppointmentsErrors.SlotTaken);
        }

        // One person, one place at a time: no second appointment overlapping this one, whoever the practitioner.
        if (await db.Appointments.AnyAsync(
                a => a.ProfileId == request.ProfileId && a.StartUtc < end && start < a.EndUtc
                     && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.Confirmed),
                cancellationToken))
        {
            return new Error(AppointmentsErrors.ProfileAlreadyBooked);
        }

        var appointment = Appointment.Book(
            request.ProfileId, request.PractitionerId, request.SiteId, request.Type, request.StartUtc, request.Reason, request.Channel, request.BookedBy, now);
        db.Appointments.Add(appointment);
        await mail.QueueBookedAsync(db, appointment, recipients, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return appointment.Id;
    }
}
