namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>Why an account may act for a profile: it is the person's own (<see cref="Self"/>), or the account holder acts for them.</summary>
public enum Relationship
{
    Self,
    Parent,
    Guardian,
    Caregiver,
}

/// <summary>Where a link between an account and a profile stands. Only <see cref="Active"/> gives access.</summary>
public enum AccessState
{
    /// <summary>Waiting for the profile's person (at or over the age of consent) to approve from their own account.</summary>
    PendingConsent,
    Active,
    Revoked,
}

/// <summary>The tabs a link opens, as in the guide: appointments (book and manage), messages, documents, bills.</summary>
[Flags]
public enum ProfileTabs
{
    None = 0,
    Appointments = 1,
    Messages = 2,
    Documents = 4,
    Bills = 8,
    All = Appointments | Messages | Documents | Bills,
}
