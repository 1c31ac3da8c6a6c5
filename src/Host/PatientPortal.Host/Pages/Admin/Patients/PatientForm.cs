using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Host.Pages.Admin.Patients;

/// <summary>
/// The record's form, as staff fill it in (new record, edit). Mapped by hand to <see cref="PatientDetails"/>: only these
/// fields are read from a post, whatever else it carries.
/// </summary>
public sealed class PatientForm
{
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public DateOnly? DateOfBirth { get; set; }
    public string? Sex { get; set; }
    public string? HealthInsuranceNumber { get; set; }
    public DateOnly? HealthInsuranceExpiry { get; set; }
    public string? ClinicPatientId { get; set; }
    public string? PrimaryPhone { get; set; }
    public string PrimaryPhoneType { get; set; } = "Home";
    public string? SecondaryPhone { get; set; }
    public string SecondaryPhoneType { get; set; } = "Mobile";
    public string? AddressLine { get; set; }
    public string? City { get; set; }
    public string? Province { get; set; }
    public string? PostalCode { get; set; }
    public string? ContactEmail { get; set; }
    public string Language { get; set; } = "fr-CA";
    public string? AssignedPractitionerId { get; set; }
    public string? GuardianName { get; set; }
    public string? GuardianEmail { get; set; }

    public static readonly string[] PhoneTypes = ["Home", "Mobile", "Office"];

    /// <summary>The details, or null when a field the form cannot leave to the module is unusable (date of birth, practitioner id).</summary>
    public PatientDetails ToDetails(DateOnly dateOfBirth) => new(
        FirstName ?? "", LastName ?? "", dateOfBirth,
        Enum.GetNames<PatientSex>().Contains(Sex) ? Enum.Parse<PatientSex>(Sex!) : null,
        HealthInsuranceNumber, HealthInsuranceExpiry, ClinicPatientId, Phones(), AddressLine, City, Province, PostalCode, ContactEmail,
        Language is "en-CA" ? "en-CA" : "fr-CA",
        Guid.TryParse(AssignedPractitionerId, out var practitioner) ? practitioner : null,
        GuardianName, GuardianEmail);

    public bool PractitionerIdIsValid => string.IsNullOrWhiteSpace(AssignedPractitionerId) || Guid.TryParse(AssignedPractitionerId, out _);

    public static PatientForm From(PatientDetails details)
    {
        var phones = details.Phones;
        return new PatientForm
        {
            FirstName = details.FirstName,
            LastName = details.LastName,
            DateOfBirth = details.DateOfBirth,
            Sex = details.Sex?.ToString(),
            HealthInsuranceNumber = details.HealthInsuranceNumber,
            HealthInsuranceExpiry = details.HealthInsuranceExpiry,
            ClinicPatientId = details.ClinicPatientId,
            PrimaryPhone = phones.Count > 0 ? phones[0].Number : null,
            PrimaryPhoneType = phones.Count > 0 ? phones[0].Type : "Home",
            SecondaryPhone = phones.Count > 1 ? phones[1].Number : null,
            SecondaryPhoneType = phones.Count > 1 ? phones[1].Type : "Mobile",
            AddressLine = details.AddressLine,
            City = details.City,
            Province = details.Province,
            PostalCode = details.PostalCode,
            ContactEmail = details.ContactEmail,
            Language = details.PreferredLanguage,
            AssignedPractitionerId = details.AssignedPractitionerId?.ToString(),
            GuardianName = details.GuardianName,
            GuardianEmail = details.GuardianEmail,
        };
    }

    private List<PatientPhone> Phones()
    {
        var phones = new List<PatientPhone>();
        if (!string.IsNullOrWhiteSpace(PrimaryPhone))
        {
            phones.Add(new PatientPhone(PrimaryPhone, PrimaryPhoneType ?? "Home"));
        }

        if (!string.IsNullOrWhiteSpace(SecondaryPhone))
        {
            phones.Add(new PatientPhone(SecondaryPhone, SecondaryPhoneType ?? "Home"));
        }

        return phones;
    }
}

/// <summary>The tabs and relationships a form may name: anything else posted is ignored.</summary>
public static class AccessForm
{
    public static readonly ProfileTabs[] Tabs = [ProfileTabs.Appointments, ProfileTabs.Messages, ProfileTabs.Documents, ProfileTabs.Bills];

    public static readonly Relationship[] ProxyRelationships = [Relationship.Parent, Relationship.Guardian, Relationship.Caregiver];

    public static ProfileTabs ParseTabs(IEnumerable<string>? values) =>
        (values ?? []).Aggregate(ProfileTabs.None, (all, value) =>
            Tabs.FirstOrDefault(t => t.ToString() == value) is var tab && tab != ProfileTabs.None ? all | tab : all);

    public static Relationship? ParseRelationship(string? value) =>
        ProxyRelationships.Any(r => r.ToString() == value) ? Enum.Parse<Relationship>(value!) : null;
}
