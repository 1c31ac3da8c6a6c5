using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>
/// Staff only: a self-registered account looks like an existing clinic record (same card and date of birth).
/// <paramref name="Confirm"/>: the account's own profile becomes that record; it requires <paramref name="IdentityCheck"/>,
/// how staff checked who the account holder is (without it: <see cref="ProfilesErrors.IdentityCheckRequired"/>, and
/// nothing changes), which is stored with the decision. Otherwise the suggestion is closed and nothing is granted.
/// Decided once: a second decision gets <see cref="ProfilesErrors.AlreadyDecided"/>.
/// </summary>
public sealed record DecideLinkSuggestion(Guid SuggestionId, bool Confirm, IdentityCheck? IdentityCheck = null) : IRequest<Result>;

/// <summary>How staff made sure the account holder is the person of the clinic record, before confirming a link.</summary>
public enum IdentityCheck
{
    /// <summary>At the clinic, with a photo ID.</summary>
    InPersonPhotoId,

    /// <summary>By phone, at the number on the record, with the card number and the date of birth.</summary>
    PhoneCardAndBirthDate,

    /// <summary>The account's sign-in email is the contact email on the record.</summary>
    EmailOnFile,
}
