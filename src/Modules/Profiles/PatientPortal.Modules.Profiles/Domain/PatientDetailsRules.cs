using PatientPortal.Modules.Profiles.Security;

namespace PatientPortal.Modules.Profiles.Domain;

/// <summary>
/// The rules of a clinic record as staff write it, shared by <see cref="CreatePatientProfile"/> and
/// <see cref="UpdatePatientProfile"/>, and its mapping to and from the domain's <see cref="ProfileRecord"/>.
/// </summary>
internal sealed class PatientDetailsRules : AbstractValidator<PatientDetails>
{
    public PatientDetailsRules(ClinicCalendar calendar)
    {
        RuleFor(d => d.FirstName).Cascade(CascadeMode.Stop)
            .NotEmpty().WithErrorCode(ProfilesErrors.FirstNameRequired)
            .MaximumLength(100).WithErrorCode(ProfilesErrors.NameTooLong);
        RuleFor(d => d.LastName).Cascade(CascadeMode.Stop)
            .NotEmpty().WithErrorCode(ProfilesErrors.LastNameRequired)
            .MaximumLength(100).WithErrorCode(ProfilesErrors.NameTooLong);
        RuleFor(d => d.DateOfBirth)
            .Must(d => d <= calendar.Today && d > calendar.Today.AddYears(-130)).WithErrorCode(ProfilesErrors.DateOfBirthInvalid);
        RuleFor(d => d.Sex).IsInEnum().WithErrorCode(ProfilesErrors.SexInvalid);
        RuleFor(d => d.HealthInsuranceNumber)
            .Must(n => string.IsNullOrWhiteSpace(n) || PersonalInformationRules.IsHealthInsuranceNumber(Profile.NormalizeHealthInsuranceNumber(n)))
            .WithErrorCode(ProfilesErrors.HealthInsuranceNumberInvalid);
        RuleFor(d => d.HealthInsuranceExpiry)
            .Must((d, expiry) => expiry is null || (expiry > d.DateOfBirth && expiry < calendar.Today.AddYears(20)))
            .WithErrorCode(ProfilesErrors.HealthInsuranceExpiryInvalid);
        RuleFor(d => d.ClinicPatientId).MaximumLength(50).WithErrorCode(ProfilesErrors.ClinicPatientIdInvalid);
        RuleFor(d => d.Phones).NotNull().Must(p => p is null || p.Count <= 5).WithErrorCode(ProfilesErrors.PhoneInvalid);
        RuleForEach(d => d.Phones).ChildRules(phone =>
        {
            phone.RuleFor(p => p.Number)
                .Must(n => string.IsNullOrWhiteSpace(n) || PersonalInformationRules.IsPhone(n))
                .WithErrorCode(ProfilesErrors.PhoneInvalid);
            phone.RuleFor(p => p.Type).Must(t => PersonalInformationRules.PhoneTypes.Contains(t)).WithErrorCode(ProfilesErrors.PhoneTypeInvalid);
        });
        RuleFor(d => d.AddressLine).MaximumLength(200).WithErrorCode(ProfilesErrors.AddressTooLong);
        RuleFor(d => d.City).MaximumLength(100).WithErrorCode(ProfilesErrors.AddressTooLong);
        RuleFor(d => d.Province).MaximumLength(50).WithErrorCode(ProfilesErrors.AddressTooLong);
        RuleFor(d => d.PostalCode)
            .Must(PersonalInformationRules.IsPostalCode)
            .WithErrorCode(ProfilesErrors.PostalCodeInvalid);
        RuleFor(d => d.ContactEmail).MaximumLength(320).EmailAddress().WithErrorCode(ProfilesErrors.ContactEmailInvalid)
            .When(d => !string.IsNullOrWhiteSpace(d.ContactEmail));
        RuleFor(d => d.GuardianEmail).MaximumLength(320).EmailAddress().WithErrorCode(ProfilesErrors.GuardianEmailInvalid)
            .When(d => !string.IsNullOrWhiteSpace(d.GuardianEmail));
        RuleFor(d => d.GuardianName).MaximumLength(200).WithErrorCode(ProfilesErrors.NameTooLong);
        RuleFor(d => d.PreferredLanguage).Must(PersonalInformationRules.IsLanguage).WithErrorCode(ProfilesErrors.LanguageInvalid);
    }

    public static ProfileRecord ToRecord(PatientDetails d) => new(
        new PersonalInformation(d.FirstName, d.LastName, [.. d.Phones.Select(p => new ProfilePhone(p.Number, p.Type))],
            d.AddressLine, d.City, d.Province, d.PostalCode, d.ContactEmail, d.PreferredLanguage),
        d.ClinicPatientId, d.DateOfBirth, d.Sex is { } sex ? (Sex)(int)sex : null, d.HealthInsuranceNumber, d.HealthInsuranceExpiry,
        d.AssignedPractitionerId, d.GuardianName, d.GuardianEmail);

    public static PatientDetails ToDetails(Profile p) => new(
        p.FirstName, p.LastName, p.DateOfBirth, p.Sex is { } sex ? (PatientSex)(int)sex : null, p.HealthInsuranceNumber,
        p.HealthInsuranceExpiry, p.ClinicPatientId, [.. p.Phones.Select(x => new PatientPhone(x.Number, x.Type))], p.AddressLine, p.City,
        p.Province, p.PostalCode, p.ContactEmail, p.PreferredLanguage, p.AssignedPractitionerId, p.GuardianName, p.GuardianEmail);
}
