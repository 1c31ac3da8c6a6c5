namespace PatientPortal.Modules.Profiles.Domain;

/// <summary>
/// The change audit of patient records (issue 8, review finding #5): one row for every save that changed a record —
/// who (the account, as Self, Proxy or Staff), which profile, when, and the NAMES of the fields that changed. Never the
/// values: the audit must not be another copy of the file. Rows are only ever added, in the same SaveChanges as the
/// change; a save that changed nothing adds none.
/// </summary>
internal sealed class ProfileChange
{
    private ProfileChange() { }

    public Guid Id { get; private set; }
    public Guid ActorAccountId { get; private set; }
    public Guid ProfileId { get; private set; }
    public ReaderRole Role { get; private set; }

    /// <summary>The changed fields' names, comma-separated, in a fixed order ("Phones,AddressLine").</summary>
    public string Fields { get; private set; } = "";

    public DateTimeOffset ChangedUtc { get; private set; }

    public IReadOnlyList<string> FieldNames => Fields.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static ProfileChange Of(Guid actorAccountId, Guid profileId, ReaderRole role, IEnumerable<string> fields, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        ActorAccountId = actorAccountId,
        ProfileId = profileId,
        Role = role,
        Fields = string.Join(',', fields),
        ChangedUtc = now,
    };
}

/// <summary>
/// A record's fields as they stand, to tell which ones a save changed (<see cref="ChangedIn"/>). Held in memory for the
/// length of one request; only the names of the changed fields are kept.
/// </summary>
internal sealed class ProfileSnapshot
{
    private readonly (string Field, string? Value)[] _fields;

    private ProfileSnapshot((string Field, string? Value)[] fields, string language) => (_fields, PreferredLanguage) = (fields, language);

    /// <summary>The record's language before the change: the person's, whatever a proxy just chose.</summary>
    public string PreferredLanguage { get; }

    public static ProfileSnapshot Of(Profile p) => new(
    [
        (nameof(Profile.FirstName), p.FirstName),
        (nameof(Profile.LastName), p.LastName),
        (nameof(Profile.DateOfBirth), p.DateOfBirth.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
        (nameof(Profile.Sex), p.Sex?.ToString()),
        (nameof(Profile.ClinicPatientId), p.ClinicPatientId),
        (nameof(Profile.HealthInsuranceNumber), p.HealthInsuranceNumber),
        (nameof(Profile.HealthInsuranceExpiry), p.HealthInsuranceExpiry?.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
        (nameof(Profile.Phones), string.Join('\n', p.Phones.Select(phone => phone.Type + ":" + phone.Number))),
        (nameof(Profile.AddressLine), p.AddressLine),
        (nameof(Profile.City), p.City),
        (nameof(Profile.Province), p.Province),
        (nameof(Profile.PostalCode), p.PostalCode),
        (nameof(Profile.ContactEmail), p.ContactEmail),
        (nameof(Profile.PreferredLanguage), p.PreferredLanguage),
        (nameof(Profile.GuardianName), p.GuardianName),
        (nameof(Profile.GuardianEmail), p.GuardianEmail),
        (nameof(Profile.AssignedPractitionerId), p.AssignedPractitionerId?.ToString()),
        ("Notifications.AppointmentEmails", p.Notifications.AppointmentEmails.ToString()),
        ("Notifications.Reminders", p.Notifications.Reminders.ToString()),
        ("Notifications.NewCommunicationEmails", p.Notifications.NewCommunicationEmails.ToString()),
    ], p.PreferredLanguage);

    /// <summary>The names of the fields whose value differs in <paramref name="after"/> (ordinal comparison).</summary>
    public IReadOnlyList<string> ChangedIn(ProfileSnapshot after) =>
        [.. _fields.Zip(after._fields).Where(pair => !string.Equals(pair.First.Value, pair.Second.Value, StringComparison.Ordinal)).Select(pair => pair.First.Field)];
}
