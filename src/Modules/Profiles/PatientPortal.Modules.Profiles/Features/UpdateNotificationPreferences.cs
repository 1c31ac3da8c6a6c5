using PatientPortal.BuildingBlocks.Outbox;
using PatientPortal.Modules.Profiles.Emails;
using PatientPortal.Modules.Profiles.Security;

namespace PatientPortal.Modules.Profiles.Features;

/// <summary>
/// Account settings: what the clinic emails the selected profile about, for an account that manages the profile's
/// personal information now (<see cref="ActingFor.ManagesPersonalInformation"/>; any other link: refused as no link, and
/// recorded). A change is audited (field names) and, made by a proxy, emailed to the person if they have an account.
/// </summary>
internal sealed class UpdateNotificationPreferencesHandler(
    ProfilesDbContext db, ICurrentAccount current, ClinicCalendar calendar, ProfileMail mail, TimeProvider clock)
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

        if (!link.ManagesPersonalInformation(calendar))
        {
            link.RecordRefusal(db, accountId, request.ProfileId, "notifications-update", now);
            await db.SaveChangesAsync(cancellationToken);
            return new Error(ProfilesErrors.ProfileNotAvailable);
        }

        var profile = link.Profile!;
        var before = ProfileSnapshot.Of(profile);
        profile.ChooseNotifications(new NotificationPreferences(request.AppointmentEmails, request.Reminders, request.NewCommunicationEmails), now);
        if ((await ProfileChanges.RecordAsync(db, mail, before, profile, accountId, link.Role, now, cancellationToken)).Count > 0)
        {
            db.Publish(ContactChanged.Of(profile), clock);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
