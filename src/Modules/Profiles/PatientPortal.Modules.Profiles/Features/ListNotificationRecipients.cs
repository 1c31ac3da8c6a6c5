using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Profiles.Features;

/// <summary>
/// The profile's preference first (off: nobody), then its active links that open the tab now: Self always, a proxy
/// with the tab unless the age rule has ended its link today (before the daily job has stored it). Whoever is signed
/// in (modules only).
/// </summary>
internal sealed class ListNotificationRecipientsHandler(ProfilesDbContext db, ClinicCalendar calendar)
    : IRequestHandler<ListNotificationRecipients, NotificationRecipients>
{
    public async Task<NotificationRecipients> Handle(ListNotificationRecipients request, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.AsNoTracking()
            .Where(p => p.Id == request.ProfileId)
            .Select(p => new { p.FirstName, p.DateOfBirth, p.Notifications.AppointmentEmails, p.Notifications.Reminders, p.Notifications.NewCommunicationEmails })
            .SingleOrDefaultAsync(cancellationToken);
        var wanted = profile is not null && request.Kind switch
        {
            NotificationKind.Reminders => profile.Reminders,
            NotificationKind.NewCommunications => profile.NewCommunicationEmails,
            _ => profile.AppointmentEmails,
        };
        if (profile is null || !wanted)
        {
            return NotificationRecipients.None;
        }

        var reached = calendar.HasReachedAgeOfConsent(profile.DateOfBirth);
        var links = await db.Accesses.AsNoTracking()
            .Where(a => a.ProfileId == request.ProfileId && a.State == AccessState.Active)
            .ToListAsync(cancellationToken);
        return new NotificationRecipients(profile.FirstName, [.. links.Where(a => a.AllowsNow(request.Tab, reached))
            .OrderBy(a => a.Relationship == Relationship.Self ? 0 : 1)
            .Select(a => a.AccountId)
            .Distinct()]);
    }
}
