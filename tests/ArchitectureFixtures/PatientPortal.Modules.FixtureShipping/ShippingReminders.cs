using PatientPortal.Modules.FixtureBilling.Data;

namespace PatientPortal.Modules.FixtureShipping;

/// <summary>Uses Billing's implementation only after an await: the compiler moves that code into a state machine.</summary>
public static class ShippingReminders
{
    public static async Task<decimal> BalanceLaterAsync()
    {
        await Task.Yield();
        return new BillingLedger().Balance;
    }
}
