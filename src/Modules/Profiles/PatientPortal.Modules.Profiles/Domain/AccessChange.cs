namespace PatientPortal.Modules.Profiles.Domain;

internal enum AccessChangeKind
{
    Granted,
    PermissionsChanged,
    ConsentGiven,
    Revoked,
}

/// <summary>On whose word a link was made or changed.</summary>
internal enum ConsentBasis
{
    /// <summary>The patient registered on the portal: their own account, their own new record.</summary>
    OwnRegistration,

    /// <summary>The clinic invited this person to their record (staff checked who they are).</summary>
    ClinicInvitation,

    /// <summary>Staff decided (attached a child, changed permissions, revoked).</summary>
    StaffDecision,

    /// <summary>The profile's person approved from their own account.</summary>
    PatientConsent,

    /// <summary>The account holder asked from Connected Accounts; the person (at or over the age of consent) has not answered yet.</summary>
    ProxyRequest,

    /// <summary>The clinic record names the account holder as the child's parent or guardian.</summary>
    GuardianOnFile,

    /// <summary>The portal itself (the age of consent was reached).</summary>
    System,
}

/// <summary>
/// The audit of one change to a <see cref="ProfileAccess"/>: who made it (null: the portal itself), when, on whose consent,
/// and the link as it stood afterwards. Rows are only ever added.
/// </summary>
internal sealed class AccessChange
{
    private AccessChange() { }

    public Guid Id { get; private set; }
    public Guid AccessId { get; private set; }
    public Guid AccountId { get; private set; }
    public Guid ProfileId { get; private set; }
    public AccessChangeKind Kind { get; private set; }
    public Guid? ChangedBy { get; private set; }
    public DateTimeOffset ChangedUtc { get; private set; }
    public Guid? ConsentGivenBy { get; private set; }
    public ConsentBasis Basis { get; private set; }
    public Relationship Relationship { get; private set; }
    public AccessState State { get; private set; }
    public ProfileTabs Permissions { get; private set; }

    public static AccessChange Of(ProfileAccess access, AccessChangeKind kind, Guid? changedBy, Guid? consentGivenBy, ConsentBasis basis, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        AccessId = access.Id,
        AccountId = access.AccountId,
        ProfileId = access.ProfileId,
        Kind = kind,
        ChangedBy = changedBy,
        ChangedUtc = now,
        ConsentGivenBy = consentGivenBy,
        Basis = basis,
        Relationship = access.Relationship,
        State = access.State,
        Permissions = access.Permissions,
    };
}
