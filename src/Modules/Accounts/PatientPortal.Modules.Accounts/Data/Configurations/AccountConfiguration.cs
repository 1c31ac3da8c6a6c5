using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientPortal.Modules.Accounts.Data.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("Accounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Email).HasMaxLength(320);
        builder.Property(a => a.NormalizedEmail).HasMaxLength(320);
        // One account per email, enforced by the database even when two registrations race.
        builder.HasIndex(a => a.NormalizedEmail).IsUnique();
        builder.Property(a => a.PasswordHash).HasMaxLength(200);
        builder.Property(a => a.RecoveryPinHash).HasMaxLength(200);
        builder.Property(a => a.Role).HasMaxLength(20);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Language).HasMaxLength(10);
        builder.Property(a => a.FirstName).HasMaxLength(100);
        builder.Property(a => a.LastName).HasMaxLength(100);
        builder.Property(a => a.HealthInsuranceNumber).HasMaxLength(20);
        builder.Property(a => a.PrimaryPhone).HasMaxLength(30);
        builder.Property(a => a.PrimaryPhoneType).HasMaxLength(10);
        builder.Property(a => a.SecondaryPhone).HasMaxLength(30);
        builder.Property(a => a.SecondaryPhoneType).HasMaxLength(10);
        builder.Property(a => a.ClinicPatientId).HasMaxLength(50);
        builder.Property(a => a.TermsVersion).HasMaxLength(20);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.DisplayName);
        builder.Ignore(a => a.IsActive);
        builder.Ignore(a => a.IsUnclaimedRegistration);
    }
}

internal sealed class AccountTokenConfiguration : IEntityTypeConfiguration<AccountToken>
{
    public void Configure(EntityTypeBuilder<AccountToken> builder)
    {
        builder.ToTable("AccountTokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Purpose).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.AccountId);
        builder.Property(t => t.NewEmail).HasMaxLength(320);
        builder.Property(t => t.CodeHash).HasMaxLength(64);
    }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("Sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasIndex(s => s.AccountId);
        builder.Property(s => s.UserAgent).HasMaxLength(300);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("Invitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Email).HasMaxLength(320);
        builder.Property(i => i.NormalizedEmail).HasMaxLength(320);
        builder.HasIndex(i => i.NormalizedEmail);
        builder.Property(i => i.FirstName).HasMaxLength(100);
        builder.Property(i => i.LastName).HasMaxLength(100);
        builder.Property(i => i.HealthCardNumber).HasMaxLength(20);
        builder.Property(i => i.ClinicPatientId).HasMaxLength(50);
        builder.Property(i => i.Language).HasMaxLength(10);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.Property(i => i.CodeHash).HasMaxLength(64);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.CodeIsDateOfBirth);
    }
}

internal sealed class ThrottleConfiguration : IEntityTypeConfiguration<Throttle>
{
    public void Configure(EntityTypeBuilder<Throttle> builder)
    {
        builder.ToTable("Throttles");
        // One row per address and counter: two first events racing cannot both insert one.
        builder.HasKey(t => new { t.Subject, t.Counter });
        builder.Property(t => t.Subject).HasMaxLength(64);
        builder.Property(t => t.Counter).HasMaxLength(64);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => t.LastEventUtc);
        builder.Ignore(t => t.CountsMail);
    }
}

internal sealed class PasswordResetRequestConfiguration : IEntityTypeConfiguration<PasswordResetRequest>
{
    public void Configure(EntityTypeBuilder<PasswordResetRequest> builder)
    {
        builder.ToTable("PasswordResetRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Email).HasMaxLength(320);
        builder.Property(r => r.Source).HasMaxLength(64);
        builder.HasIndex(r => r.RequestedUtc);
    }
}
