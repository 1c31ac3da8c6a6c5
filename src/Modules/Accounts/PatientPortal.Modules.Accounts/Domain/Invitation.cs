namespace PatientPortal.Modules.Accounts.Domain;

/// <summary>
/// A clinic's invitation to create an account. It works only through its emailed link together with a code: a random
/// 6-digit clinic code, or in the Quebec variant the last 4 digits of the health card (the date of birth when no card
/// is on file). Five wrong codes lock it until staff re-send it, which replaces the link and the code.
/// </summary>
internal sealed class Invitation
{
    public const int MaxWrongCodes = 5;

    /// <summary><see cref="InvitedBy"/> of an invitation no staff member sent: the portal's own (a teen at the age of consent).</summary>
    public static readonly Guid ByThePortal = Guid.Empty;

    private Invitation() { }

    public Guid Id { get; private set; }
    public string Email { get; private set; } = "";
    public string NormalizedEmail { get; private set; } = "";
    public string FirstName { get; private set; } = "";
    public string LastName { get; private set; } = "";
    public DateOnly DateOfBirth { get; private set; }
    public string? HealthCardNumber { get; private set; }
    public string? ClinicPatientId { get; private set; }

    /// <summary>The Profiles record staff invited from, if any (an id from another module: no foreign key).</summary>
    public Guid? ProfileId { get; private set; }
    public string Language { get; private set; } = "fr-CA";
    public bool QuebecVariant { get; private set; }
    public string TokenHash { get; private set; } = "";
    public string CodeHash { get; private set; } = "";
    public DateTimeOffset SentUtc { get; private set; }
    public DateTimeOffset ExpiresUtc { get; private set; }
    public int WrongCodes { get; private set; }
    public DateTimeOffset? LockedUtc { get; private set; }
    public DateTimeOffset? UsedUtc { get; private set; }
    public Guid? AccountId { get; private set; }
    public Guid InvitedBy { get; private set; }
    public int Version { get; private set; }

    public bool CodeIsDateOfBirth => QuebecVariant && string.IsNullOrEmpty(HealthCardNumber);

    public static Invitation Create(Guid invitedBy, string email, AccountDetails details, string? healthCardNumber, string language, bool quebecVariant) => new()
    {
        Id = Guid.CreateVersion7(),
        Email = Account.Canonical(email),
        NormalizedEmail = Account.Normalize(email),
        FirstName = details.FirstName.Trim(),
        LastName = details.LastName.Trim(),
        DateOfBirth = details.DateOfBirth,
        HealthCardNumber = healthCardNumber,
        ClinicPatientId = details.ClinicPatientId,
        ProfileId = details.ProfileId,
        Language = language,
        QuebecVariant = quebecVariant,
        InvitedBy = invitedBy,
    };

    /// <summary>The code the patient must type: digits only, whatever separators they used.</summary>
    public string ExpectedCode(string? randomCode) =>
        !QuebecVariant ? randomCode ?? throw new InvalidOperationException("A clinic code is needed.")
        : HealthCardNumber is { Length: > 0 } card ? new string(card.Where(char.IsDigit).ToArray())[^4..]
        : DateOfBirth.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Issues (or re-issues) the link and the code: the old ones stop working, and a lock is lifted.</summary>
    public void Send(string tokenHash, string codeHash, TimeSpan lifetime, DateTimeOffset now)
    {
        TokenHash = tokenHash;
        CodeHash = codeHash;
        SentUtc = now;
        ExpiresUtc = now + lifetime;
        WrongCodes = 0;
        LockedUtc = null;
        Version++;
    }

    public InvitationState State(DateTimeOffset now) =>
        UsedUtc is not null ? InvitationState.Used
        : LockedUtc is not null ? InvitationState.Locked
        : now >= ExpiresUtc ? InvitationState.Expired
        : InvitationState.Sent;

    /// <returns>True when this wrong code locked the invitation.</returns>
    public bool RecordWrongCode(DateTimeOffset now)
    {
        WrongCodes++;
        Version++;
        if (WrongCodes >= MaxWrongCodes)
        {
            LockedUtc = now;
            return true;
        }

        return false;
    }

    public void Use(Guid accountId, DateTimeOffset now)
    {
        UsedUtc = now;
        AccountId = accountId;
        Version++;
    }

    public AccountDetails Details() => new(FirstName, LastName, DateOfBirth, HealthInsuranceNumber: HealthCardNumber, ClinicPatientId: ClinicPatientId, ProfileId: ProfileId);
}
