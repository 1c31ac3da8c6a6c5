using PatientPortal.Modules.Appointments.Contracts;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Activity.Features;

/// <summary>A confirmation: "Appointment of … confirmed", a link to the appointment.</summary>
internal sealed class RecordAppointmentConfirmed(ActivityDbContext db, TimeProvider clock) : IntegrationEventConsumer<AppointmentConfirmed, ActivityDbContext>(db, clock)
{
    protected override Task ApplyAsync(AppointmentConfirmed e, CancellationToken cancellationToken)
    {
        Db.Entries.Add(TimelineEntry.ForProfile(
            e.ProfileId, ActivityKind.AppointmentConfirmed, ProfileTabs.Appointments, e.OccurredUtc, e.AppointmentId, e.StartUtc));
        return Task.CompletedTask;
    }
}
