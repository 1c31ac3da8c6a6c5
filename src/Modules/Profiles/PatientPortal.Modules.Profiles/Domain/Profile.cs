namespace PatientPortal.Modules.Profiles.Domain;

internal enum Sex
{
    Female,
    Male,
    Other,
}

/// <summary>A phone number on a patient record, with its type (Home, Mobile, Work, as the Accounts form names them).</summary>
internal sealed record ProfilePhone(string Number, string Type);

/// <summary>What the clinic emails this patient about; everything is on until the patient says otherwise.</summary>
internal sealed record NotificationPreferences(bool AppointmentEmails, bool Reminders, bool NewCommunicationEmails)
{
    public static NotificationPreferences AllOn { get; } = new(true, true, true);
}

/// <summary>What a patient or proxy may change on a record (Account settings).</summary>
internal sealed record PersonalInformation(
    string FirstName, string LastName, IReadOnlyList<ProfilePhone> Phones, string? AddressLine, string? City, string? Province,
    string? PostalCode, string? ContactEmail, string PreferredLanguage);

/// <summary>The whole record as staff edit it.</summary>
internal sealed record ProfileRecord(
    PersonalInformation Personal, string? ClinicPatientId, DateOnly DateOfBirth, Sex? Sex, string? HealthInsuranceNumber,
    DateOnly? HealthInsuranceExpiry, Guid? AssignedPractitionerId, string? GuardianName, string? GuardianEmail);

/// <summary>
/// The clinic's patient record. An account reaches it only through a <see cref="ProfileAccess"/>; the record itself
/// knows no account.
/// </summary>
internal sealed class Profile
{
    private readonly List<ProfilePhone> _phones = [];

    private Profile() { }

    public Guid Id { get; private set; }

    /// <summary>The clinic's own id for this patient (its chart number), as staff typed it on an invitation; unique when set.</summary>
    public string? ClinicPatientId { get; private set; }

    public string FirstName { get; private set; } = "";
    public string LastName { get; private set; } = "";
    public DateOnly DateOfBirth { get; private set; }
    public Sex? Sex { get; private set; }

    /// <summary>The health insurance number (RAMQ), normalized: letters and digits only, upper case.</summary>
    public string? HealthInsuranceNumber { get; private set; }

    public DateOnly? HealthInsuranceExpiry { get; private set; }
    public IReadOnlyList<ProfilePhone> Phones => _phones;
    public string? AddressLine { get; private set; }
    public string? City { get; private set; }
    public string? Province { get; private set; }
    public string? PostalCode { get; private set; }
    public string? ContactEmail { get; private set; }
    public string PreferredLanguage { get; private set; } = "fr-CA";

    /// <summary>
    /// The parent or guardian the clinic has on file for this patient (a child's record): their email, as the clinic
    /// wrote it. An account whose sign-in address is this one may connect the child at once (Connected Accounts).
    /// </summary>
    public string? GuardianEmail { get; private set; }

    public string? GuardianName { get; private set; }

    /// <summary>The practitioner the booking wizard lists first (an Appointments id: no foreign key across modules).</summary>
    public Guid? AssignedPractitionerId { get; private set; }

    public NotificationPreferences Notifications { get; private set; } = NotificationPreferences.AllOn;
    public DateTimeOffset CreatedUtc { get; private set; }
    public DateTimeOffset UpdatedUtc { get; private set; }

    public static Profile Create(
        string firstName, string lastName, DateOnly dateOfBirth, string? healthInsuranceNumber, string? contactEmail,
        string preferredLanguage, IEnumerable<ProfilePhone> phones, string? clinicPatientId, DateTimeOffset now, Guid? id = null)
    {
        var profile = new Profile
        {
            Id = id ?? Guid.CreateVersion7(),
            ClinicPatientId = string.IsNullOrWhiteSpace(clinicPatientId) ? null : clinicPatientId.Trim(),
            FirstName = firstName.Trim(),
            LastName = lastName.Trim(),
            DateOfBirth = dateOfBirth,
            HealthInsuranceNumber = NormalizeHealthInsuranceNumber(healthInsuranceNumber),
            ContactEmail = string.IsNullOrWhiteSpace(contactEmail) ? null : contactEmail.Trim(),
            PreferredLanguage = preferredLanguage,
            CreatedUtc = now,
            UpdatedUtc = now,
        };
        profile._phones.AddRange(phones);
        return profile;
    }

    /// <summary>Staff edit the clinic's record: every field but the id and the notification preferences (the patient's to choose).</summary>
    public void UpdateRecord(ProfileRecord record, DateTimeOffset now)
    {
        ClinicPatientId = string.IsNullOrWhiteSpace(record.ClinicPatientId) ? null : record.ClinicPatientId.Trim();
        DateOfBirth = record.DateOfBirth;
        HealthInsuranceNumber = NormalizeHealthInsuranceNumber(record.HealthInsuranceNumber);
        HealthInsuranceExpiry = record.HealthInsuranceExpiry;
        Sex = record.Sex;
        AssignedPractitionerId = record.AssignedPractitionerId;
        GuardianName = Blank(record.GuardianName);
        GuardianEmail = Blank(record.GuardianEmail);
        UpdatePersonalInformation(record.Personal, now);
    }

    /// <summary>
    /// What the patient (or a proxy) may change from Account settings: names, phones, address, contact email and language.
    /// The date of birth and the health card are not here: only staff change them (a proxy changing a child's birth
    /// date would move the age of consent).
    /// </summary>
    public void UpdatePersonalInformation(PersonalInformation personal, DateTimeOffset now)
    {
        FirstName = personal.FirstName.Trim();
        LastName = personal.LastName.Trim();
        _phones.Clear();
        _phones.AddRange(personal.Phones.Where(p => !string.IsNullOrWhiteSpace(p.Number)).Select(p => p with { Number = p.Number.Trim() }));
        AddressLine = Blank(personal.AddressLine);
        City = Blank(personal.City);
        Province = Blank(personal.Province);
        PostalCode = Blank(personal.PostalCode)?.ToUpperInvariant();
        ContactEmail = Blank(personal.ContactEmail);
        PreferredLanguage = personal.PreferredLanguage;
        UpdatedUtc = now;
    }

    /// <summary>
    /// The person's own account changes its health card (Account settings). A proxy never reaches this: the card and the
    /// birth date are how records are matched, and a proxy changing them could take over or hide a record.
    /// </summary>
    public void ChangeHealthCard(string? number, DateOnly? expiry, DateTimeOffset now)
    {
        HealthInsuranceNumber = NormalizeHealthInsuranceNumber(number);
        HealthInsuranceExpiry = HealthInsuranceNumber is null ? null : expiry;
        UpdatedUtc = now;
    }

    public void ChooseNotifications(NotificationPreferences preferences, DateTimeOffset now)
    {
        Notifications = preferences;
        UpdatedUtc = now;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The clinic's record had no contact email: the invited patient's account address becomes it.</summary>
    public void UseContactEmailIfNone(string email, DateTimeOffset now)
    {
        if (ContactEmail is null && !string.IsNullOrWhiteSpace(email))
        {
            ContactEmail = email.Trim();
            UpdatedUtc = now;
        }
    }

    /// <summary>Letters and digits only, upper case ("TREH 8904 2712" and "treh89042712" are one card); null when empty.</summary>
    public static string? NormalizeHealthInsuranceNumber(string? value)
    {
        var normalized = string.IsNullOrWhiteSpace(value) ? "" : string.Concat(value.Where(char.IsLetterOrDigit)).ToUpperInvariant();
        return normalized.Length == 0 ? null : normalized;
    }
}
