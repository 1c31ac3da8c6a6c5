using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientPortal.Modules.Accounts.Data.Configurations;

internal sealed class SecondFactorConfiguration : IEntityTypeConfiguration<SecondFactor>
{
    public void Configure(EntityTypeBuilder<SecondFactor> builder)
    {
        builder.ToTable("SecondFactors");
        builder.HasKey(f => f.AccountId);
        builder.Property(f => f.AccountId).ValueGeneratedNever();
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.ProtectedKey).HasMaxLength(1000);
        builder.Property(f => f.PendingKey).HasMaxLength(1000);
        builder.Property(f => f.EmailCodeHash).HasMaxLength(64);
        // Two requests with the same code: one takes the time step, the other re-reads and finds it taken.
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.Ignore(f => f.IsOn);
    }
}

internal sealed class SignInChallengeConfiguration : IEntityTypeConfiguration<SignInChallenge>
{
    public void Configure(EntityTypeBuilder<SignInChallenge> builder)
    {
        builder.ToTable("SignInChallenges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.TokenHash).HasMaxLength(64);
        builder.HasIndex(c => c.TokenHash).IsUnique();
        builder.HasIndex(c => c.AccountId);
        builder.Property(c => c.EmailCodeHash).HasMaxLength(64);
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}

internal sealed class RecoveryCodeConfiguration : IEntityTypeConfiguration<RecoveryCode>
{
    public void Configure(EntityTypeBuilder<RecoveryCode> builder)
    {
        builder.ToTable("RecoveryCodes");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.CodeHash).HasMaxLength(64);
        builder.HasIndex(r => new { r.AccountId, r.CodeHash });
        // Spent once: a second use racing the first finds the row already changed.
        builder.Property(r => r.UsedUtc).IsConcurrencyToken();
    }
}

internal sealed class TrustedBrowserConfiguration : IEntityTypeConfiguration<TrustedBrowser>
{
    public void Configure(EntityTypeBuilder<TrustedBrowser> builder)
    {
        builder.ToTable("TrustedBrowsers");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.TokenHash).HasMaxLength(64);
        builder.HasIndex(b => b.TokenHash).IsUnique();
        builder.HasIndex(b => b.AccountId);
        builder.Property(b => b.UserAgent).HasMaxLength(300);
    }
}
