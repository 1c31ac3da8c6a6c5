using PatientPortal.Modules.Appointments.Contracts;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Activity.Features;

/// <summary>A cancellation, by the patient or by the clinic: "Appointment of … cancelled", a link to the appointment.</summary>
internal sealed class RecordAppointmentCancelled(ActivityDbContext db, TimeProvider clock) : IntegrationEventConsumer<AppointmentCancelled, ActivityDbContext>(db, clock)
{
    protected override Task ApplyAsync(AppointmentCancelled e, CancellationToken cancellationToken)
    {
        Db.Entries.Add(TimelineEntry.ForProfile(
            e.ProfileId, e.ByClinic ? ActivityKind.AppointmentCancelledByClinic : ActivityKind.AppointmentCancelled, ProfileTabs.Appointments, e.OccurredUtc,
            e.AppointmentId, e.StartUtc));
        return Task.CompletedTask;
    }
}
