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
    public string? RecoveryPinHash { get; private set; }
    public string? TermsVersion { get; private set; }
    public DateTimeOffset? TermsAcceptedUtc { get; private set; }
    public DateTimeOffset CreatedUtc { get; private set; }
    public DateTimeOffset? ActivatedUtc { get; private set; }
    public int FailedSignIns { get; private set; }
    public DateTimeOffset? LockedUntilUtc { get; private set; }

    /// <summary>Changes whenever the credentials change; every token issued before is then worthless.</summary>
    public Guid SecurityStamp { get; private set; }

    /// <summary>Optimistic concurrency: two writes that read the same version cannot both commit.</summary>
    public int Version { get; private set; }

    public string DisplayName => $"{FirstName} {LastName}".Trim();

    public bool IsActive => Status == AccountStatus.Active;

    public static Account Register(Guid id, string email, string passwordHash, AccountDetails details, string language, string role, DateTimeOffset now) => new()
    {
        Id = id,
        Email = email.Trim(),
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
        CreatedUtc = now,
        SecurityStamp = Guid.NewGuid(),
    };

    /// <summary>
    /// Registering again with the address of an account never activated starts over: new password and details, and a
    /// new stamp that kills the earlier activation links. An unclaimed registration can never hold an address hostage.
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
        FailedSignIns = 0;
        LockedUntilUtc = null;
        RotateSecurityStamp();
    }

    public bool IsUnclaimedRegistration => Status == AccountStatus.PendingActivation && Role == Roles.Patient && ClinicPatientId is null;

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    /// <summary>What Profiles is told when the account becomes usable.</summary>
    public AccountRegistered Registered() => new(
        Id, Email, FirstName, LastName, DateOfBirth, HealthInsuranceNumber, PrimaryPhone, PrimaryPhoneType,
        SecondaryPhone, SecondaryPhoneType, Language, ClinicPatientId);

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

    public bool IsLocked(DateTimeOffset now) => LockedUntilUtc > now;

    /// <returns>True when this failure locked the account.</returns>
    public bool RecordFailedSignIn(int maxFailures, TimeSpan lockout, DateTimeOffset now)
    {
        FailedSignIns++;
        Touch();
        if (FailedSignIns < maxFailures)
        {
            return false;
        }

        FailedSignIns = 0;
        LockedUntilUtc = now + lockout;
        return true;
    }

    public void RecordSuccessfulSignIn()
    {
        if (FailedSignIns != 0 || LockedUntilUtc is not null)
        {
            FailedSignIns = 0;
            LockedUntilUtc = null;
            Touch();
        }
    }

    public void ChangePassword(string passwordHash, DateTimeOffset now)
    {
        PasswordHash = passwordHash;
        PasswordChangedUtc = now;
        FailedSignIns = 0;
        LockedUntilUtc = null;
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
        Email = email.Trim();
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
    string? ClinicPatientId = null);
