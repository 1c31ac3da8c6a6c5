namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>The sex on a patient record.</summary>
public enum PatientSex
{
    Female,
    Male,
    Other,
}

/// <summary>A phone number with its type: Home, Mobile or Work.</summary>
public sealed record PatientPhone(string Number, string Type);

/// <summary>
/// A clinic record as staff write it (<see cref="CreatePatientProfile"/>, <see cref="UpdatePatientProfile"/>): every field
/// but the patient's own notification choices. <see cref="PreferredLanguage"/> is "fr-CA" or "en-CA".
/// </summary>
public sealed record PatientDetails(
    string FirstName,
    string LastName,
    DateOnly DateOfBirth,
    PatientSex? Sex,
    string? HealthInsuranceNumber,
    DateOnly? HealthInsuranceExpiry,
    string? ClinicPatientId,
    IReadOnlyList<PatientPhone> Phones,
    string? AddressLine,
    string? City,
    string? Province,
    string? PostalCode,
    string? ContactEmail,
    string PreferredLanguage,
    Guid? AssignedPractitionerId,
    string? GuardianName,
    string? GuardianEmail);
