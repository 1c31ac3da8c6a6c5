using PatientPortal.BuildingBlocks.Outbox;
using PatientPortal.Modules.Profiles.Security;

namespace PatientPortal.Modules.Profiles.Features;

/// <summary>Account settings: what the clinic emails the selected profile about, for an account whose link is active now.</summary>
internal sealed class UpdateNotificationPreferencesHandler(ProfilesDbContext db, ICurrentAccount current, ClinicCalendar calendar, TimeProvider clock)
    : IRequestHandler<UpdateNotificationPreferences, Result>
{
    public async Task<Result> Handle(UpdateNotificationPreferences request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } accountId)
        {
            return Error.Forbidden;
        }

        var now = clock.GetUtcNow();
        var link = await ActingFor.FindAsync(db, accountId, request.ProfileId, calendar, tracked: true, cancellationToken);
        if (!link.AllowedNow)
        {
            link.RecordRead(db, accountId, request.ProfileId, "notifications-update", now);
            await db.SaveChangesAsync(cancellationToken);
            return new Error(ProfilesErrors.ProfileNotAvailable);
        }

        var profile = link.Profile!;
        profile.ChooseNotifications(new NotificationPreferences(request.AppointmentEmails, request.Reminders, request.NewCommunicationEmails), now);
        db.Publish(ContactChanged.Of(profile), clock);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
