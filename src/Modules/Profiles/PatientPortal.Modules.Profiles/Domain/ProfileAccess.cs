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

    /// <summary>
    /// The profile's person agreed to this link from their own account. A parent's link to a child made before the age
    /// of consent has no such consent: it stops on the child's birthday (see <see cref="AgeOfConsent"/>).
    /// </summary>
    public bool PersonConsented { get; private set; }

    /// <summary>When the proxy was told, 30 days ahead, that the link ends at the age of consent (sent once).</summary>
    public DateTimeOffset? AgeNoticeSentUtc { get; private set; }

    /// <summary>Optimistic concurrency: a revocation and a permission change that read the same version cannot both commit.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// The stored state only. A proxy link can be stale by a day (the birthday came before the daily job): callers that
    /// decide access go through <see cref="AgeOfConsent.EffectiveState"/>, which knows the person's age.
    /// </summary>
    public bool Allows(ProfileTabs tab) => State == AccessState.Active && (Relationship == Relationship.Self || Permissions.HasFlag(tab));

    /// <summary>
    /// True when this link ends at the age of consent: an active proxy link the person never consented to. Once
    /// <paramref name="personHasReachedAgeOfConsent"/>, it gives no access, whatever the stored state says.
    /// </summary>
    public bool EndsAtAgeOfConsent => Terms.EndsAtAgeOfConsent;

    /// <summary>The state that decides access now: a link that <see cref="EndsAtAgeOfConsent"/> is revoked from the birthday on.</summary>
    public AccessState StateNow(bool personHasReachedAgeOfConsent) => Terms.StateNow(personHasReachedAgeOfConsent);

    public bool AllowsNow(ProfileTabs tab, bool personHasReachedAgeOfConsent) => Terms.AllowsNow(tab, personHasReachedAgeOfConsent);

    /// <summary>What decides access, apart from the row (the rules are <see cref="LinkTerms"/>'s).</summary>
    public LinkTerms Terms => new(Relationship, State, Permissions, PersonConsented);

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
            PersonConsented = basis == ConsentBasis.PatientConsent && state == AccessState.Active,
        };
        return (access, AccessChange.Of(access, AccessChangeKind.Granted, changedBy, consentGivenBy, basis, now));
    }

    /// <summary>Staff change the tabs of a proxy link (the state is left as it is).</summary>
    public AccessChange ChangePermissions(ProfileTabs tabs, Guid changedBy, DateTimeOffset now)
    {
        Permissions = tabs & ProfileTabs.All;
        Version++;
        return AccessChange.Of(this, AccessChangeKind.PermissionsChanged, changedBy, consentGivenBy: null, ConsentBasis.StaffDecision, now);
    }

    /// <summary>The profile's person approves the link from their own account: it becomes active, on their consent.</summary>
    public AccessChange Consent(Guid personAccountId, DateTimeOffset now)
    {
        State = AccessState.Active;
        PersonConsented = true;
        ConsentUtc = now;
        RevokedReason = null;
        RevokedUtc = null;
        Version++;
        return AccessChange.Of(this, AccessChangeKind.ConsentGiven, personAccountId, personAccountId, ConsentBasis.PatientConsent, now);
    }

    /// <summary>
    /// A link that was revoked (or declined) is made again: the same row, pending or active, with new tabs. The person's
    /// earlier consent does not carry over.
    /// </summary>
    public AccessChange Renew(Relationship relationship, ProfileTabs tabs, AccessState state, Guid changedBy, Guid? consentGivenBy, ConsentBasis basis, DateTimeOffset now)
    {
        if (relationship == Relationship.Self || Relationship == Relationship.Self || state == AccessState.Revoked)
        {
            throw new ArgumentException("Only a proxy link is renewed, as pending or active.", nameof(relationship));
        }

        Relationship = relationship;
        Permissions = tabs & ProfileTabs.All;
        State = state;
        PersonConsented = basis == ConsentBasis.PatientConsent && state == AccessState.Active;
        ConsentUtc = state == AccessState.Active ? now : null;
        RevokedReason = null;
        RevokedUtc = null;
        AgeNoticeSentUtc = null;
        Version++;
        return AccessChange.Of(this, AccessChangeKind.Granted, changedBy, consentGivenBy, basis, now);
    }

    /// <summary>
    /// Staff confirmed that a self-registered account is the person of an existing clinic record: the account's own link
    /// moves to that record (the same row: one Self link per account), active with every tab. The profile the account
    /// registered with is left with no link.
    /// </summary>
    public AccessChange MoveSelfTo(Guid profileId, Guid changedBy, DateTimeOffset now)
    {
        if (Relationship != Relationship.Self)
        {
            throw new InvalidOperationException("Only an account's own link moves to another record.");
        }

        ProfileId = profileId;
        State = AccessState.Active;
        Permissions = ProfileTabs.All;
        ConsentUtc = now;
        RevokedReason = null;
        RevokedUtc = null;
        Version++;
        return AccessChange.Of(this, AccessChangeKind.Granted, changedBy, consentGivenBy: AccountId, ConsentBasis.StaffDecision, now);
    }

    public void AgeNoticeSent(DateTimeOffset now)
    {
        AgeNoticeSentUtc = now;
        Version++;
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
