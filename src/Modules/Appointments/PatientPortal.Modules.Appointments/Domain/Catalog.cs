namespace PatientPortal.Modules.Appointments.Domain;

/// <summary>A name the portal shows in the reader's language (French and English are both required).</summary>
internal sealed record LocalizedText(string En, string Fr)
{
    public string In(string language) => language.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? Fr : En;
}

/// <summary>Where appointments happen: a clinic's address and phone, or a virtual site ("Virtual appointment").</summary>
internal sealed class Site
{
    private Site() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string? AddressLine { get; private set; }
    public string? City { get; private set; }
    public string? Province { get; private set; }
    public string? PostalCode { get; private set; }
    public string? Phone { get; private set; }
    public bool IsVirtual { get; private set; }
    public bool Active { get; private set; }

    public static Site Create(Guid id, string name, string? addressLine, string? city, string? province, string? postalCode, string? phone, bool isVirtual) => new()
    {
        Id = id, Name = name.Trim(), AddressLine = addressLine?.Trim(), City = city?.Trim(), Province = province?.Trim(),
        PostalCode = postalCode?.Trim(), Phone = phone?.Trim(), IsVirtual = isVirtual, Active = true,
    };

    public void Update(string name, string? addressLine, string? city, string? province, string? postalCode, string? phone, bool isVirtual)
    {
        Name = name.Trim();
        AddressLine = Blank(addressLine);
        City = Blank(city);
        Province = Blank(province);
        PostalCode = Blank(postalCode);
        Phone = Blank(phone);
        IsVirtual = isVirtual;
    }

    /// <summary>No longer offered for booking; its appointments keep pointing to it.</summary>
    public void SetActive(bool active) => Active = active;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A specialty offered by the clinic (Family Medicine, Pediatrics...), named in both languages.</summary>
internal sealed class Specialty
{
    private Specialty() { }

    public Guid Id { get; private set; }
    public LocalizedText Name { get; private set; } = new("", "");
    public bool Active { get; private set; }

    public static Specialty Create(Guid id, LocalizedText name) => new() { Id = id, Name = name, Active = true };

    public void Rename(LocalizedText name) => Name = name;

    public void SetActive(bool active) => Active = active;
}

/// <summary>A practitioner, the specialties they practise and the sites they work at.</summary>
internal sealed class Practitioner
{
    private readonly List<PractitionerSpecialty> _specialties = [];
    private readonly List<PractitionerSite> _sites = [];

    private Practitioner() { }

    public Guid Id { get; private set; }

    /// <summary>As patients see it: "Dr. Medfar Solutions".</summary>
    public string DisplayName { get; private set; } = "";

    public bool Active { get; private set; }
    public IReadOnlyList<PractitionerSpecialty> Specialties => _specialties;
    public IReadOnlyList<PractitionerSite> Sites => _sites;

    public static Practitioner Create(Guid id, string displayName, IEnumerable<Guid> specialtyIds, IEnumerable<Guid> siteIds)
    {
        var practitioner = new Practitioner { Id = id, DisplayName = displayName.Trim(), Active = true };
        practitioner._specialties.AddRange(specialtyIds.Distinct().Select(s => new PractitionerSpecialty(s)));
        practitioner._sites.AddRange(siteIds.Distinct().Select(s => new PractitionerSite(s)));
        return practitioner;
    }

    /// <summary>A new name, and the specialties and sites replaced by the given ones (kept rows stay, so EF updates only the difference).</summary>
    public void Update(string displayName, IEnumerable<Guid> specialtyIds, IEnumerable<Guid> siteIds)
    {
        DisplayName = displayName.Trim();
        var specialties = specialtyIds.ToHashSet();
        _specialties.RemoveAll(s => !specialties.Contains(s.SpecialtyId));
        _specialties.AddRange(specialties.Where(id => _specialties.All(s => s.SpecialtyId != id)).Select(id => new PractitionerSpecialty(id)));
        var sites = siteIds.ToHashSet();
        _sites.RemoveAll(s => !sites.Contains(s.SiteId));
        _sites.AddRange(sites.Where(id => _sites.All(s => s.SiteId != id)).Select(id => new PractitionerSite(id)));
    }

    public bool WorksAt(Guid siteId) => _sites.Any(s => s.SiteId == siteId);

    public void SetActive(bool active) => Active = active;
}

internal sealed record PractitionerSpecialty(Guid SpecialtyId);

internal sealed record PractitionerSite(Guid SiteId);

/// <summary>
/// What kind of visit, how long, in which specialty (none for the emergency categories, offered at a site by whoever
/// works there), whether patients may book it online, and the visit-specific message shown in its details and emails.
/// </summary>
internal sealed class AppointmentType
{
    private AppointmentType() { }

    public Guid Id { get; private set; }
    public LocalizedText Name { get; private set; } = new("", "");

    /// <summary>The line under the name on the type's choice (the guide's "For consultations regarding one issue only").</summary>
    public LocalizedText? Description { get; private set; }

    public int DurationMinutes { get; private set; }
    public Guid? SpecialtyId { get; private set; }
    public bool BookableOnline { get; private set; }
    public EmergencyCategory Emergency { get; private set; }
    public LocalizedText? VisitMessage { get; private set; }
    public bool Active { get; private set; }

    public TimeSpan Duration => TimeSpan.FromMinutes(DurationMinutes);

    public static AppointmentType Create(
        Guid id, LocalizedText name, LocalizedText? description, int durationMinutes, Guid? specialtyId, bool bookableOnline,
        EmergencyCategory emergency, LocalizedText? visitMessage) => new()
    {
        Id = id, Name = name, Description = description, DurationMinutes = durationMinutes, SpecialtyId = specialtyId,
        BookableOnline = bookableOnline, Emergency = emergency, VisitMessage = visitMessage, Active = true,
    };

    public void Update(
        LocalizedText name, LocalizedText? description, int durationMinutes, Guid? specialtyId, bool bookableOnline, EmergencyCategory emergency,
        LocalizedText? visitMessage)
    {
        Name = name;
        Description = description;
        DurationMinutes = durationMinutes;
        SpecialtyId = specialtyId;
        BookableOnline = bookableOnline;
        Emergency = emergency;
        VisitMessage = visitMessage;
    }

    public void SetActive(bool active) => Active = active;
}
