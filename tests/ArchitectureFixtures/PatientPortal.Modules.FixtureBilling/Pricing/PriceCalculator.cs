namespace PatientPortal.Modules.FixtureBilling.Pricing;

/// <summary>A helper that is public though it is neither the entry class nor options, to break rule 8.</summary>
public static class PriceCalculator
{
    public static decimal WithTax(decimal amount) => amount * 1.15m;
}
