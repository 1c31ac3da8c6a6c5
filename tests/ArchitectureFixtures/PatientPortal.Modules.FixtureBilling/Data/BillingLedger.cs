namespace PatientPortal.Modules.FixtureBilling.Data;

/// <summary>Billing's own bookkeeping: another module must never use it (FixtureShipping does, to break rule 1).</summary>
public sealed class BillingLedger
{
    public decimal Balance { get; private set; }

    public void Charge(decimal amount) => Balance += amount;
}
