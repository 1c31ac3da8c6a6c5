namespace PatientPortal.Modules.Accounts.Domain;

internal enum AccountStatus
{
    /// <summary>Created, waiting for the patient to follow the activation link and accept the terms.</summary>
    PendingActivation,
    Active,
}

internal sealed class Account
{
    private Account() { }

    public Guid Id { get; private set; }
    public string Email { get; private set; } = "";
    public string NormalizedEmail { get; private set; } = "";
    public string PasswordHash { get; private set; } = "";
    public DateTimeOffset PasswordChangedUtc { get; private set; }
    public string Role { get; private set; } = Roles.Patient;
    public AccountStatus Status { get; private set; }
    public string Language { get; private set; } = "fr-CA";
    public string FirstName { get; private set; } = "";
    public string LastName { get; private set; } = "";
    public DateOnly DateOfBirth { get; private set; }
    public string? HealthInsuranceNumber { get; private set; }
    public string? PrimaryPhone { get; private set; }
    public string? PrimaryPhoneType { get; private set; }
    public string? SecondaryPhone { get; private set; }
    public string? SecondaryPhoneType { get; private set; }
    public string? ClinicPatientId { get; private set; }

    /// <summary>The Profiles record the clinic invited this account from, if any.</summary>
    public Guid? ProfileId { get; private set; }
    public string? RecoveryPinHash { get; private set; }
    public string? TermsVersion { get; private set; }
    public DateTimeOffset? TermsAcceptedUtc { get; private set; }
    public DateTimeOffset CreatedUtc { get; private set; }
    public DateTimeOffset? ActivatedUtc { get; private set; }

    /// <summary>Changes whenever the credentials change; every token issued before is then worthless.</summary>
    public Guid SecurityStamp { get; private set; }

    /// <summary>Optimistic concurrency: two writes that read the same version cannot both commit.</summary>
    public int Version { get; private set; }

    public string DisplayName => DisplayNameOf(FirstName, LastName);

    public static string DisplayNameOf(string firstName, string lastName) => $"{firstName} {lastName}".Trim();

    public bool IsActive => Status == AccountStatus.Active;

    public static Account Register(Guid id, string email, string passwordHash, AccountDetails details, string language, string role, DateTimeOffset now) => new()
    {
        Id = id,
        Email = Canonical(email),
        NormalizedEmail = Normalize(email),
        PasswordHash = passwordHash,
        PasswordChangedUtc = now,
        Role = role,
        Status = AccountStatus.PendingActivation,
        Language = language,
        FirstName = details.FirstName.Trim(),
        LastName = details.LastName.Trim(),
        DateOfBirth = details.DateOfBirth,
        HealthInsuranceNumber = details.HealthInsuranceNumber,
        PrimaryPhone = details.PrimaryPhone,
        PrimaryPhoneType = details.PrimaryPhoneType,
        SecondaryPhone = details.SecondaryPhone,
        SecondaryPhoneType = details.SecondaryPhoneType,
        ClinicPatientId = details.ClinicPatientId,
        ProfileId = details.ProfileId,
        CreatedUtc = now,
        SecurityStamp = Guid.NewGuid(),
    };

    /// <summary>
    /// Registering again with the address of an account never activated starts over: new password and details, and a
    /// new stamp that kills the earlier activation links. An unclaimed registration can never hold an address hostage,
    /// and since activating takes the password, a restart by someone else never hands them the owner's click.
    /// </summary>
    public void RestartRegistration(string passwordHash, AccountDetails details, string language, DateTimeOffset now)
    {
        PasswordHash = passwordHash;
        PasswordChangedUtc = now;
        Language = language;
        FirstName = details.FirstName.Trim();
        LastName = details.LastName.Trim();
        DateOfBirth = details.DateOfBirth;
        HealthInsuranceNumber = details.HealthInsuranceNumber;
        PrimaryPhone = details.PrimaryPhone;
        PrimaryPhoneType = details.PrimaryPhoneType;
        SecondaryPhone = details.SecondaryPhone;
        SecondaryPhoneType = details.SecondaryPhoneType;
        RotateSecurityStamp();
    }

    public bool IsUnclaimedRegistration => Status == AccountStatus.PendingActivation && Role == Roles.Patient && ClinicPatientId is null && ProfileId is null;

    /// <summary>The unique key of an address (see <see cref="EmailAddress"/>).</summary>
    public static string Normalize(string email) => EmailAddress.Key(email);

    /// <summary>Validators refuse what has no canonical form before it gets here; configuration (the first admin) may not.</summary>
    public static string Canonical(string email) =>
        EmailAddress.Canonical(email) ?? throw new ArgumentException($"'{email}' is not an email address the portal accepts.", nameof(email));

    /// <summary>What Profiles is told when the account becomes usable.</summary>
    public AccountRegistered Registered() => new(
        Id, Email, FirstName, LastName, DateOfBirth, HealthInsuranceNumber, PrimaryPhone, PrimaryPhoneType,
        SecondaryPhone, SecondaryPhoneType, Language, ClinicPatientId, ProfileId);

    public void Activate(string termsVersion, DateTimeOffset now)
    {
        Status = AccountStatus.Active;
        TermsVersion = termsVersion;
        TermsAcceptedUtc = now;
        ActivatedUtc ??= now;
        Touch();
    }

    /// <summary>A staff account created from configuration is active at once; staff accept terms elsewhere.</summary>
    public void ActivateStaff(DateTimeOffset now)
    {
        Status = AccountStatus.Active;
        ActivatedUtc = now;
        Touch();
    }

    public void ChangePassword(string passwordHash, DateTimeOffset now)
    {
        PasswordHash = passwordHash;
        PasswordChangedUtc = now;
        RotateSecurityStamp();
    }

    /// <summary>Rehashing with stronger parameters keeps the password and the stamp.</summary>
    public void UpgradePasswordHash(string passwordHash)
    {
        PasswordHash = passwordHash;
        Touch();
    }

    public void ChangeEmail(string email)
    {
        Email = Canonical(email);
        NormalizedEmail = Normalize(email);
        RotateSecurityStamp();
    }

    public void SetRecoveryPin(string pinHash)
    {
        RecoveryPinHash = pinHash;
        Touch();
    }

    public void SetLanguage(string language)
    {
        Language = language;
        Touch();
    }

    private void RotateSecurityStamp()
    {
        SecurityStamp = Guid.NewGuid();
        Touch();
    }

    private void Touch() => Version++;
}

/// <summary>What the patient told us at registration (or the clinic, in an invitation); published to Profiles on activation.</summary>
internal sealed record AccountDetails(
    string FirstName,
    string LastName,
    DateOnly DateOfBirth,
    string? HealthInsuranceNumber = null,
    string? PrimaryPhone = null,
    string? PrimaryPhoneType = null,
    string? SecondaryPhone = null,
    string? SecondaryPhoneType = null,
    string? ClinicPatientId = null,
    Guid? ProfileId = null);
