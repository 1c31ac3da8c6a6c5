namespace PatientPortal.Modules.Profiles.Security;

/// <summary>
/// Reading a profile's record for the account (Account settings, the download): the link is checked now, the read or
/// the refusal is recorded under <c>what</c>, and the record comes back as the account may see it.
/// </summary>
internal static class ProfileSettingsRead
{
    public static async Task<Result<ProfileSettings>> ReadAsync(
        ProfilesDbContext db, ICurrentAccount current, ClinicCalendar calendar, TimeProvider clock, Guid profileId, string what, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } accountId)
        {
            return Error.Forbidden;
        }

        var link = await ActingFor.FindAsync(db, accountId, profileId, calendar, tracked: false, cancellationToken);
        var whole = link.ManagesPersonalInformation(calendar);
        // A proxy that does not manage the personal information reads the name and birth date only: recorded as such.
        link.RecordRead(db, accountId, profileId, link.AllowedNow && !whole ? what + "-summary" : what, clock.GetUtcNow());
        await WriteLock.SaveChangesInTurnAsync(db, cancellationToken);
        if (!link.AllowedNow)
        {
            return new Error(ProfilesErrors.ProfileNotAvailable);
        }

        return whole ? Settings(link.Profile!, link.Access!.Relationship) : Summary(link.Profile!, link.Access!.Relationship);
    }

    private static ProfileSettings Settings(Profile p, Relationship relationship) => new(
        p.Id, p.FirstName, p.LastName, p.DateOfBirth, relationship, p.HealthInsuranceNumber, p.HealthInsuranceExpiry,
        [.. p.Phones.Select(phone => new ProfilePhoneNumber(phone.Number, phone.Type))], p.AddressLine, p.City, p.Province, p.PostalCode,
        p.ContactEmail, p.PreferredLanguage, p.Notifications.AppointmentEmails, p.Notifications.Reminders, p.Notifications.NewCommunicationEmails,
        ManagesPersonalInformation: true);

    // Names and birth date only (review finding #2): everything else empty, the language included.
    private static ProfileSettings Summary(Profile p, Relationship relationship) => new(
        p.Id, p.FirstName, p.LastName, p.DateOfBirth, relationship, null, null, [], null, null, null, null, null, "", false, false, false,
        ManagesPersonalInformation: false);
}
