using PatientPortal.Modules.FixtureBilling.Data;

namespace PatientPortal.Modules.FixtureShipping;

/// <summary>Uses Billing's implementation only inside a lambda: the compiler moves that code into a closure class.</summary>
public static class ShippingQuotes
{
    public static Func<decimal> BalanceOnDemand() => () => new BillingLedger().Balance;
}
