using PatientPortal.Modules.Appointments.Contracts;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Activity.Features;

/// <summary>A booking (by the patient, a proxy or staff): "Appointment booked for …", a link to the appointment.</summary>
internal sealed class RecordAppointmentBooked(ActivityDbContext db, TimeProvider clock) : IntegrationEventConsumer<AppointmentBooked, ActivityDbContext>(db, clock)
{
    protected override Task ApplyAsync(AppointmentBooked e, CancellationToken cancellationToken)
    {
        Db.Entries.Add(TimelineEntry.ForProfile(
            e.ProfileId, e.ByClinic ? ActivityKind.AppointmentBookedByClinic : ActivityKind.AppointmentBooked, ProfileTabs.Appointments, e.OccurredUtc,
            e.AppointmentId, e.StartUtc));
        return Task.CompletedTask;
    }
}
