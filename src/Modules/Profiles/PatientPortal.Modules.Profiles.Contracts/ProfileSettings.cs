using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>
/// Account settings (the PROFILE tab): the profile's record as the signed-in account may see it. The profile id is
/// the selected one; the module checks the account's link to it now, and records the read (or the refusal).
/// </summary>
public sealed record GetProfileSettings(Guid ProfileId) : IRequest<Result<ProfileSettings>>;

/// <summary>
/// The selected profile's record, to download (security.md B15: checked on every request, recorded as an export on
/// the read trail, allowed or refused).
/// </summary>
public sealed record ExportProfile(Guid ProfileId) : IRequest<Result<ProfileSettings>>;

/// <summary>A phone number with its type: Home, Mobile or Office (as the registration form names them).</summary>
public sealed record ProfilePhoneNumber(string Number, string Type);

/// <summary>
/// What Account settings shows. <see cref="MayChangeHealthCard"/>: only the person's own account (Self) changes the
/// health card; nobody but staff changes the date of birth. <see cref="ManagesPersonalInformation"/> false (a caregiver,
/// or a proxy of a person who has reached the age of consent): only the names and the birth date are filled in — the
/// card, phones, address, contact email, language and notification choices are empty, and changes are refused.
/// </summary>
public sealed record ProfileSettings(
    Guid ProfileId,
    string FirstName,
    string LastName,
    DateOnly DateOfBirth,
    Relationship Relationship,
    string? HealthInsuranceNumber,
    DateOnly? HealthInsuranceExpiry,
    IReadOnlyList<ProfilePhoneNumber> Phones,
    string? AddressLine,
    string? City,
    string? Province,
    string? PostalCode,
    string? ContactEmail,
    string PreferredLanguage,
    bool AppointmentEmails,
    bool Reminders,
    bool NewCommunicationEmails,
    bool ManagesPersonalInformation)
{
    public bool MayChangeHealthCard => Relationship == Relationship.Self;

    /// <summary>
    /// Only the person's own account changes the contact email: it is where the portal invites a teen to claim their own
    /// file at the age of consent, so a parent who could set it could claim the teen's file.
    /// </summary>
    public bool MayChangeContactEmail => Relationship == Relationship.Self;
}

/// <summary>
/// Account settings: personal information of the selected profile. <see cref="HealthInsuranceNumber"/> and
/// <see cref="HealthInsuranceExpiry"/> are applied for the person's own account only (a proxy's are ignored); there is
/// no birth date here: staff change it.
/// </summary>
public sealed record UpdatePersonalInformation(
    Guid ProfileId,
    string FirstName,
    string LastName,
    IReadOnlyList<ProfilePhoneNumber> Phones,
    string? AddressLine,
    string? City,
    string? Province,
    string? PostalCode,
    string? ContactEmail,
    string PreferredLanguage,
    string? HealthInsuranceNumber = null,
    DateOnly? HealthInsuranceExpiry = null) : IRequest<Result>;

/// <summary>Account settings: what the clinic emails the selected profile about.</summary>
public sealed record UpdateNotificationPreferences(Guid ProfileId, bool AppointmentEmails, bool Reminders, bool NewCommunicationEmails) : IRequest<Result>;
