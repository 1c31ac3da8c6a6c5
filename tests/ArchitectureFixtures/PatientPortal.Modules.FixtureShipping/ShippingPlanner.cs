using PatientPortal.Modules.FixtureBilling.Data;

namespace PatientPortal.Modules.FixtureShipping;

/// <summary>Reaches into Billing's implementation instead of its Contracts, to break rule 1.</summary>
public sealed class ShippingPlanner(BillingLedger ledger)
{
    public bool CanShip => ledger.Balance <= 0;
}
