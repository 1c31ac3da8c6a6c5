namespace PatientPortal.Modules.FixtureBilling;

/// <summary>Options bound from configuration: public by design (rule 8), nested sections included.</summary>
public sealed class FixtureBillingOptions
{
    public Reminders Reminder { get; set; } = new();

    public sealed class Reminders
    {
        public int AfterDays { get; set; } = 30;
    }
}
