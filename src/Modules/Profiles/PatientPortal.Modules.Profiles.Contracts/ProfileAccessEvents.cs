using PatientPortal.BuildingBlocks.Messaging;

namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>An account may now act for a profile (or will, once the person consents: <see cref="State"/>).</summary>
public sealed record ProfileAccessGranted(Guid AccountId, Guid ProfileId, Relationship Relationship, AccessState State, ProfileTabs Tabs) : IntegrationEvent;

/// <summary>A link's tabs or state changed (the person consented, staff changed the tabs).</summary>
public sealed record ProfileAccessChanged(Guid AccountId, Guid ProfileId, Relationship Relationship, AccessState State, ProfileTabs Tabs) : IntegrationEvent;

/// <summary>An account may no longer act for a profile. <see cref="Reason"/>: AgeOfConsentReached, RevokedByStaff, RevokedByPatient, ConsentDeclined.</summary>
public sealed record ProfileAccessRevoked(Guid AccountId, Guid ProfileId, string Reason) : IntegrationEvent;

/// <summary>How to reach a patient changed (contact email, language, notification choices): for the modules that write to them.</summary>
public sealed record ProfileContactChanged(
    Guid ProfileId,
    string FirstName,
    string LastName,
    string? ContactEmail,
    string PreferredLanguage,
    bool AppointmentEmails,
    bool Reminders,
    bool NewCommunicationEmails) : IntegrationEvent;

/// <summary>
/// A patient reached the age of consent and has no account of their own yet; Accounts invites them to create one when
/// the record has an email.
/// </summary>
public sealed record ProfileReachedAgeOfConsent(
    Guid ProfileId,
    string FirstName,
    string LastName,
    DateOnly DateOfBirth,
    string? HealthInsuranceNumber,
    string? ContactEmail,
    string PreferredLanguage) : IntegrationEvent;
