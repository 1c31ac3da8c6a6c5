namespace PatientPortal.Modules.FixtureBilling;

/// <summary>The module's entry class: public by design (rule 8), and the one type the host may use (rule 4).</summary>
public static class FixtureBillingModule
{
    public static void AddFixtureBillingModule()
    {
    }
}
