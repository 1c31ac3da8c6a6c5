using Microsoft.EntityFrameworkCore;

namespace PatientPortal.Modules.FixtureBilling.Data;

/// <summary>A DbContext that is public, and an entity known only through its DbSet (not in Domain/), to break rule 5.</summary>
public sealed class BillingDbContext(DbContextOptions<BillingDbContext> options) : DbContext(options)
{
    public DbSet<Payment> Payments => Set<Payment>();
}

public sealed class Payment
{
    public Guid Id { get; init; }

    public decimal Amount { get; init; }
}
