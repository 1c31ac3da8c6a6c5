namespace PatientPortal.Modules.Profiles.Domain;

/// <summary>Why a link was revoked, for the dashboard's message and the audit.</summary>
internal enum RevocationReason
{
    AgeOfConsentReached,
    RevokedByStaff,
    RevokedByPatient,
    ConsentDeclined,
}

/// <summary>
/// An account's right to act for one profile: its own (Self) or as a proxy, with the tabs it opens. One row per
/// account and profile; every change to it adds an <see cref="AccessChange"/>.
/// </summary>
internal sealed class ProfileAccess
{
    private ProfileAccess() { }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public Guid ProfileId { get; private set; }
    public Relationship Relationship { get; private set; }
    public ProfileTabs Permissions { get; private set; }
    public AccessState State { get; private set; }
    public DateTimeOffset CreatedUtc { get; private set; }
    public DateTimeOffset? ConsentUtc { get; private set; }
    public RevocationReason? RevokedReason { get; private set; }
    public DateTimeOffset? RevokedUtc { get; private set; }

    /// <summary>Optimistic concurrency: a revocation and a permission change that read the same version cannot both commit.</summary>
    public int Version { get; private set; }

    public bool Allows(ProfileTabs tab) => State == AccessState.Active && (Relationship == Relationship.Self || Permissions.HasFlag(tab));

    /// <summary>
    /// The account's own record, active at once with every tab. <paramref name="basis"/> says on whose word: the patient's
    /// own registration, or the clinic's invitation.
    /// </summary>
    public static (ProfileAccess Access, AccessChange Change) GrantSelf(Guid accountId, Guid profileId, ConsentBasis basis, DateTimeOffset now)
    {
        var access = new ProfileAccess
        {
            Id = Guid.CreateVersion7(),
            AccountId = accountId,
            ProfileId = profileId,
            Relationship = Relationship.Self,
            Permissions = ProfileTabs.All,
            State = AccessState.Active,
            CreatedUtc = now,
            ConsentUtc = now,
        };
        return (access, AccessChange.Of(access, AccessChangeKind.Granted, changedBy: null, consentGivenBy: accountId, basis, now));
    }

    /// <summary>
    /// A proxy link (parent, guardian, caregiver) with the tabs staff chose. <paramref name="state"/> is
    /// <see cref="AccessState.PendingConsent"/> until the profile's person approves, when they are at or over the age of consent.
    /// </summary>
    public static (ProfileAccess Access, AccessChange Change) GrantProxy(
        Guid accountId, Guid profileId, Relationship relationship, ProfileTabs tabs, AccessState state, Guid changedBy, Guid? consentGivenBy, ConsentBasis basis, DateTimeOffset now)
    {
        if (relationship == Relationship.Self || state == AccessState.Revoked)
        {
            throw new ArgumentException("A proxy link is a parent's, a guardian's or a caregiver's, pending or active.", nameof(relationship));
        }

        var access = new ProfileAccess
        {
            Id = Guid.CreateVersion7(),
            AccountId = accountId,
            ProfileId = profileId,
            Relationship = relationship,
            Permissions = tabs & ProfileTabs.All,
            State = state,
            CreatedUtc = now,
            ConsentUtc = state == AccessState.Active ? now : null,
        };
        return (access, AccessChange.Of(access, AccessChangeKind.Granted, changedBy, consentGivenBy, basis, now));
    }

    public AccessChange Revoke(RevocationReason reason, Guid? changedBy, ConsentBasis basis, DateTimeOffset now)
    {
        State = AccessState.Revoked;
        RevokedReason = reason;
        RevokedUtc = now;
        Version++;
        return AccessChange.Of(this, AccessChangeKind.Revoked, changedBy, consentGivenBy: null, basis, now);
    }
}
