using System.Globalization;
using Microsoft.Extensions.Options;
using PatientPortal.BuildingBlocks.Email;
using PatientPortal.BuildingBlocks.Outbox;
using PatientPortal.Modules.Appointments.Emails;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Appointments.Scheduling;

/// <summary>What a booking asks for, once its caller has authorized it and checked the type may be booked this way.</summary>
/// <param name="MaxUpcoming">The profile's limit of upcoming bookings (a patient's booking), or null (staff are not held to it).</param>
internal sealed record SlotBookingRequest(
    Guid ProfileId, AppointmentType Type, Guid SiteId, Guid PractitionerId, DateTimeOffset StartUtc, string? Reason,
    BookingChannel Channel, Guid BookedBy, int? MaxUpcoming);

/// <summary>
/// The one way a slot becomes an appointment, for a patient's booking and for staff's. The slot is first looked up
/// among the free slots (the schedule's rules: blocks, closed days, nothing deactivated), never trusting the time the
/// browser sent (after any booking of an overlapping time under way in this process: <see cref="BookingsUnderWay"/>), and
/// the appointment and its confirmation emails are written; only then are the locks taken, in a fixed
/// order, the profile's (its count of upcoming bookings, waited for) then the practitioner's time the slot covers (on
/// PostgreSQL only tried: a booking that finds another of an overlapping time under way is "just taken" at once), and
/// inside them one query reads what other bookings may have changed meanwhile: a live appointment of the practitioner
/// overlapping the slot ("this time was just taken"), the profile's upcoming bookings, and any booking of the same person
/// overlapping it (one person never holds two overlapping appointments, whoever the practitioners). So twenty parallel
/// requests for one slot make one booking and nineteen "just taken", and the locks are held for four round trips
/// (bench/Appointments: the work inside them is what the last of sixteen bookers waits for). The unique index on a
/// live appointment's practitioner and start stands behind the lock. The confirmation is queued in the same save.
/// </summary>
internal sealed class SlotBooking(
    AppointmentsDbContext db, SlotFinder slots, AppointmentMail mail, BookingsUnderWay underWay, IOptions<AppointmentsOptions> options, TimeProvider clock)
{
    // Keeps these advisory locks apart from any other use of pg_advisory_xact_lock on the database.
    internal const long LockSpace = 0x424F4F4B494E4753; // "BOOKINGS"

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

        // A booking of an overlapping time under way in this process goes first; this one starts its work only if that one
        // did not take the time (BookingsUnderWay: the losers of a crowd then cost nothing).
        var (taken, claim) = await underWay.ClaimAsync(request.PractitionerId, request.StartUtc, request.StartUtc + request.Type.Duration, cancellationToken);
        if (taken)
        {
            return new Error(AppointmentsErrors.SlotTaken);
        }

        using var claimed = claim;

        // The schedule's rules do not race with bookings (a booking changes none of them): asked before the locks. The
        // busy times they also remove are asked again under the locks.
        var free = await slots.FindAsync(request.Type, request.SiteId, [request.PractitionerId], day, day, cancellationToken);
        if (!free.Any(s => s.StartUtc == request.StartUtc))
        {
            return new Error(AppointmentsErrors.SlotTaken);
        }

        var appointment = Appointment.Book(
            request.ProfileId, request.PractitionerId, request.SiteId, request.Type, request.StartUtc, request.Reason, request.Channel, request.BookedBy,
            clock.GetUtcNow());
        // The person's own rules, asked before the locks too: a booking bound to fail on them never holds the
        // practitioner's time, which on PostgreSQL turns the other bookers of that time away (review: a patient at their
        // limit booking in a loop kept a free time "just taken" for everyone). Asked again under the locks.
        var (since, _) = Bounds(appointment);
        var mine = await db.Appointments.AsNoTracking()
            .Where(a => a.ProfileId == request.ProfileId && a.StartUtc >= since && a.Status != AppointmentStatus.Cancelled)
            .Select(a => new Held(a.StartUtc, a.EndUtc, a.Status))
            .ToListAsync(cancellationToken);
        if (PersonRefusal(request, appointment, mine) is { } refused)
        {
            return refused;
        }

        var recipients = await mail.RecipientsAsync(request.ProfileId, NotificationKind.AppointmentEmails, cancellationToken);
        var emails = await mail.ComposeBookedAsync(db, appointment, recipients, cancellationToken);
        try
        {
            var booked = await db.Database.CreateExecutionStrategy().ExecuteAsync(() => LockedAsync(request, appointment, emails, cancellationToken));
            if (booked.IsSuccess)
            {
                claim?.Booked();
            }

            return booked;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return new Error(AppointmentsErrors.SlotTaken);
        }
    }

    private async Task<Result<Guid>> LockedAsync(SlotBookingRequest request, Appointment appointment, List<QueuedEmail> emails, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        // Another booking of this practitioner at an overlapping time is under way: it takes the time or fails on its
        // own person's rules, and waiting behind it only to be told "just taken" costs every booker queued (ADR 0015).
        await using var transaction = await WriteLock.TryBeginAsync(
            db, LockSpace, [WriteLock.KeyOf(request.ProfileId)], PractitionerTime(request.PractitionerId, appointment.StartUtc, appointment.EndUtc), cancellationToken);
        if (transaction is null)
        {
            return new Error(AppointmentsErrors.SlotTaken);
        }

        var start = appointment.StartUtc;
        var end = appointment.EndUtc;
        // The practitioner's appointments that may overlap the slot, and the person's from the earlier of now and that
        // bound on (their upcoming ones, and any that may overlap): a handful of rows, one round trip.
        var (since, earliest) = Bounds(appointment);
        var others = await db.Appointments.AsNoTracking()
            .Where(a => a.Status != AppointmentStatus.Cancelled)
            .Where(a => (a.PractitionerId == request.PractitionerId && a.StartUtc >= earliest && a.StartUtc < end)
                || (a.ProfileId == request.ProfileId && a.StartUtc >= since))
            .Select(a => new { a.ProfileId, a.PractitionerId, Row = new Held(a.StartUtc, a.EndUtc, a.Status) })
            .ToListAsync(cancellationToken);
        var mine = others.Where(a => a.ProfileId == request.ProfileId).Select(a => a.Row).ToList();
        if (PersonRefusal(request, appointment, mine) is { Key: AppointmentsErrors.TooManyUpcoming } tooMany)
        {
            return tooMany;
        }

        if (others.Any(a => a.PractitionerId == request.PractitionerId && a.Row.StartUtc >= earliest && a.Row.StartUtc < end && start < a.Row.EndUtc))
        {
            return new Error(AppointmentsErrors.SlotTaken);
        }

        if (PersonRefusal(request, appointment, mine) is { } refused)
        {
            return refused;
        }

        db.Appointments.Add(appointment);
        db.QueuedEmails.AddRange(emails);
        db.Publish(new AppointmentBooked(appointment.Id, appointment.ProfileId, appointment.StartUtc, ByClinic: request.Channel == BookingChannel.Staff), clock);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return appointment.Id;
    }

    private sealed record Held(DateTimeOffset StartUtc, DateTimeOffset EndUtc, AppointmentStatus Status);

    /// <summary>From when the person's appointments matter (the earlier of now and the first start that may overlap the slot), and that first start.</summary>
    private (DateTimeOffset Since, DateTimeOffset Earliest) Bounds(Appointment appointment)
    {
        var now = clock.GetUtcNow();
        var earliest = appointment.StartUtc - SlotFinder.LongestAppointment;
        return (earliest < now ? earliest : now, earliest);
    }

    /// <summary>
    /// The person's rules, from their live appointments: at most <see cref="SlotBookingRequest.MaxUpcoming"/> upcoming
    /// bookings, and one place at a time (no second appointment overlapping this one, whoever the practitioner).
    /// </summary>
    private Error? PersonRefusal(SlotBookingRequest request, Appointment appointment, List<Held> mine)
    {
        var now = clock.GetUtcNow();
        var held = mine.Where(a => a.Status is AppointmentStatus.Booked or AppointmentStatus.Confirmed).ToList();
        if (request.MaxUpcoming is { } max && held.Count(a => a.StartUtc > now) >= max)
        {
            return new Error(AppointmentsErrors.TooManyUpcoming) { Arguments = [max.ToString(CultureInfo.InvariantCulture)] };
        }

        return held.Any(a => a.StartUtc < appointment.EndUtc && appointment.StartUtc < a.EndUtc) ? new Error(AppointmentsErrors.ProfileAlreadyBooked) : null;
    }

    // Five minutes of UTC time, counted from year 1: two appointments that overlap share at least one such unit.
    private const long UnitTicks = 5 * TimeSpan.TicksPerMinute;

    /// <summary>
    /// The practitioner's lock keys for a time: one per five minutes it touches, earliest first (every booking takes them
    /// in time order, after its profile's, so two never deadlock). Two bookings that overlap wait for each other; two of
    /// the same practitioner at other times do not (bench/Appointments: sixteen patients booking one doctor's few free
    /// slots no longer all queue behind one lock).
    /// </summary>
    internal static IEnumerable<long> PractitionerTime(Guid practitionerId, DateTimeOffset start, DateTimeOffset end)
    {
        for (var unit = start.UtcTicks / UnitTicks; unit <= (end.UtcTicks - 1) / UnitTicks; unit++)
        {
            yield return WriteLock.KeyOf(practitionerId, unit);
        }
    }
}
