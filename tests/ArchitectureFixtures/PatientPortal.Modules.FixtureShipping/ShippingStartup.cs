using PatientPortal.Modules.FixtureBilling;

namespace PatientPortal.Modules.FixtureShipping;

/// <summary>Calls Billing's entry point from a method body: allowed for the host (rule 4), not for a module (rule 1).</summary>
public static class ShippingStartup
{
    public static void Start() => FixtureBillingModule.AddFixtureBillingModule();
}
