using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>
/// Staff invite a patient to the portal. <see cref="ProfileId"/>: the Profiles record staff invite from, which the
/// new account is linked to (carried on <see cref="AccountRegistered"/>).
/// </summary>
/// <remarks>Returns the clinic code for staff to hand over (in person, by phone, on paper): no email carries it.</remarks>
public sealed record InvitePatient(
    string Email,
    string FirstName,
    string LastName,
    DateOnly DateOfBirth,
    string? HealthCardNumber,
    string? ClinicPatientId,
    string Language,
    Guid? ProfileId = null) : IRequest<Result<InvitationSent>>;

/// <summary>The code is shown once, to staff; in the Quebec variant it is the card's last 4 digits or the date of birth, and not shown.</summary>
public sealed record InvitationSent(Guid InvitationId, string? ClinicCode);
