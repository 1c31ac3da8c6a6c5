namespace PatientPortal.Host;

/// <summary>Marker for the portal's strings: Resources/SharedResource.resx (English) and SharedResource.fr.resx.</summary>
public sealed class SharedResource;
