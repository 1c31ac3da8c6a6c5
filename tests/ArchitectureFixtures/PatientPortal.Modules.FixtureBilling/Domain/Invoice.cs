namespace PatientPortal.Modules.FixtureBilling.Domain;

/// <summary>An entity that is public, to break rule 5.</summary>
public sealed class Invoice
{
    public Guid Id { get; init; }

    public bool Paid { get; set; }
}
