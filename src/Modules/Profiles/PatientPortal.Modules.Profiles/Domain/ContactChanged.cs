namespace PatientPortal.Modules.Profiles.Domain;

/// <summary>The <see cref="ProfileContactChanged"/> event for a record as it stands (after a change to how to reach the patient).</summary>
internal static class ContactChanged
{
    public static ProfileContactChanged Of(Profile profile) => new(
        profile.Id, profile.FirstName, profile.LastName, profile.ContactEmail, profile.PreferredLanguage,
        profile.Notifications.AppointmentEmails, profile.Notifications.Reminders, profile.Notifications.NewCommunicationEmails);
}
