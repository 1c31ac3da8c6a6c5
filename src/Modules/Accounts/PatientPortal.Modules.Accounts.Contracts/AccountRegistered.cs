using PatientPortal.BuildingBlocks.Messaging;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>
/// A patient account now exists (from the portal or from a clinic invitation). Profiles creates or matches the
/// patient's own profile from it. Invited accounts carry the clinic's patient id when the clinic has one, and the
/// Profiles record staff invited from (<see cref="ProfileId"/>) when they invited from one.
/// </summary>
public sealed record AccountRegistered(
    Guid AccountId,
    string Email,
    string FirstName,
    string LastName,
    DateOnly DateOfBirth,
    string? HealthInsuranceNumber,
    string? PrimaryPhone,
    string? PrimaryPhoneType,
    string? SecondaryPhone,
    string? SecondaryPhoneType,
    string Language,
    string? ClinicPatientId,
    Guid? ProfileId = null) : IntegrationEvent;
