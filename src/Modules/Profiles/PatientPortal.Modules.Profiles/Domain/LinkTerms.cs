namespace PatientPortal.Modules.Profiles.Domain;

/// <summary>
/// The columns of a <see cref="ProfileAccess"/> that decide access, and the rule: the link's state now (a proxy link the
/// person never consented to ends on their birthday at the age of consent) and the tab it opens. The entity and the
/// per-request check (<see cref="Security.LinksThisRequest"/>, which reads only these columns) apply the same rule.
/// </summary>
internal readonly record struct LinkTerms(Relationship Relationship, AccessState State, ProfileTabs Permissions, bool PersonConsented)
{
    /// <summary>An active proxy link the person never consented to: it gives no access once they reach the age of consent.</summary>
    public bool EndsAtAgeOfConsent => State == AccessState.Active && Relationship != Relationship.Self && !PersonConsented;

    public AccessState StateNow(bool personHasReachedAgeOfConsent) =>
        EndsAtAgeOfConsent && personHasReachedAgeOfConsent ? AccessState.Revoked : State;

    public bool AllowsNow(ProfileTabs tab, bool personHasReachedAgeOfConsent) =>
        StateNow(personHasReachedAgeOfConsent) == AccessState.Active && (Relationship == Relationship.Self || Permissions.HasFlag(tab));
}
