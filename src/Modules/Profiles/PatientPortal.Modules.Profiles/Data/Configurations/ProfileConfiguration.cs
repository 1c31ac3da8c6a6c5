using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientPortal.Modules.Profiles.Data.Configurations;

internal sealed class ProfileConfiguration : IEntityTypeConfiguration<Profile>
{
    public void Configure(EntityTypeBuilder<Profile> builder)
    {
        builder.ToTable("Profiles");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.ClinicPatientId).HasMaxLength(50);
        // One record per clinic patient id (NULLs do not collide on either provider).
        builder.HasIndex(p => p.ClinicPatientId).IsUnique();
        builder.Property(p => p.FirstName).HasMaxLength(100);
        builder.Property(p => p.LastName).HasMaxLength(100);
        builder.Property(p => p.Sex).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.HealthInsuranceNumber).HasMaxLength(20);
        // Likely matches are found by card number and date of birth.
        builder.HasIndex(p => new { p.HealthInsuranceNumber, p.DateOfBirth });
        builder.Property(p => p.AddressLine).HasMaxLength(200);
        builder.Property(p => p.City).HasMaxLength(100);
        builder.Property(p => p.Province).HasMaxLength(50);
        builder.Property(p => p.PostalCode).HasMaxLength(10);
        builder.Property(p => p.ContactEmail).HasMaxLength(320);
        builder.Property(p => p.PreferredLanguage).HasMaxLength(10);
        builder.Property(p => p.GuardianName).HasMaxLength(200);
        builder.Property(p => p.GuardianEmail).HasMaxLength(320);
        // Staff search by name.
        builder.HasIndex(p => new { p.LastName, p.FirstName });
        // The daily age-of-consent job looks for birthdays.
        builder.HasIndex(p => p.DateOfBirth);
        builder.ComplexProperty(p => p.Notifications, n =>
        {
            n.Property(x => x.AppointmentEmails).HasColumnName("NotifyAppointmentEmails");
            n.Property(x => x.Reminders).HasColumnName("NotifyReminders");
            n.Property(x => x.NewCommunicationEmails).HasColumnName("NotifyNewCommunications");
        });
        builder.OwnsMany(p => p.Phones, phone =>
        {
            phone.ToTable("ProfilePhones");
            phone.WithOwner().HasForeignKey("ProfileId");
            phone.Property<int>("Id");
            phone.HasKey("Id");
            phone.Property(x => x.Number).HasMaxLength(30);
            phone.Property(x => x.Type).HasMaxLength(10);
        });
        builder.Navigation(p => p.Phones).HasField("_phones");
    }
}

internal sealed class ProfileAccessConfiguration : IEntityTypeConfiguration<ProfileAccess>
{
    public void Configure(EntityTypeBuilder<ProfileAccess> builder)
    {
        builder.ToTable("ProfileAccesses");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        // One link per account and profile: a link that comes back is the same row, changed (and audited).
        builder.HasIndex(a => new { a.AccountId, a.ProfileId }).IsUnique();
        // An account has one own record, even when two deliveries of its registration race.
        builder.HasIndex(a => a.AccountId).IsUnique().HasFilter("\"Relationship\" = 'Self'").HasDatabaseName("IX_ProfileAccesses_OneSelfPerAccount");
        builder.HasIndex(a => a.ProfileId);
        builder.HasOne<Profile>().WithMany().HasForeignKey(a => a.ProfileId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Relationship).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.RevokedReason).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Version).IsConcurrencyToken();
    }
}

internal sealed class AccessChangeConfiguration : IEntityTypeConfiguration<AccessChange>
{
    public void Configure(EntityTypeBuilder<AccessChange> builder)
    {
        builder.ToTable("AccessChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasIndex(c => c.AccessId);
        builder.HasIndex(c => c.ProfileId);
        builder.HasOne<ProfileAccess>().WithMany().HasForeignKey(c => c.AccessId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Basis).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Relationship).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class LinkSuggestionConfiguration : IEntityTypeConfiguration<LinkSuggestion>
{
    public void Configure(EntityTypeBuilder<LinkSuggestion> builder)
    {
        builder.ToTable("LinkSuggestions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasIndex(s => new { s.NewProfileId, s.ExistingProfileId }).IsUnique();
        builder.HasIndex(s => s.State);
        builder.HasOne<Profile>().WithMany().HasForeignKey(s => s.NewProfileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Profile>().WithMany().HasForeignKey(s => s.ExistingProfileId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.IdentityCheck).HasConversion<string>().HasMaxLength(30);
    }
}

internal sealed class ConnectionRequestConfiguration : IEntityTypeConfiguration<ConnectionRequest>
{
    public void Configure(EntityTypeBuilder<ConnectionRequest> builder)
    {
        builder.ToTable("ConnectionRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        // One open request per account and profile, even when two attempts race.
        builder.HasIndex(r => new { r.AccountId, r.ProfileId }).IsUnique().HasFilter("\"State\" = 'Open'").HasDatabaseName("IX_ConnectionRequests_OneOpen");
        builder.HasIndex(r => r.State);
        builder.HasOne<Profile>().WithMany().HasForeignKey(r => r.ProfileId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Relationship).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}

internal sealed class ConnectionAttemptConfiguration : IEntityTypeConfiguration<ConnectionAttempt>
{
    public void Configure(EntityTypeBuilder<ConnectionAttempt> builder)
    {
        builder.ToTable("ConnectionAttempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasIndex(a => new { a.AccountId, a.AttemptedUtc });
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(30);
    }
}

internal sealed class ProfileReadConfiguration : IEntityTypeConfiguration<ProfileRead>
{
    public void Configure(EntityTypeBuilder<ProfileRead> builder)
    {
        builder.ToTable("ProfileReads");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        // Incident support: who read this profile, and what did this account read, in a time window.
        builder.HasIndex(r => new { r.ProfileId, r.ReadUtc });
        builder.HasIndex(r => new { r.ReaderAccountId, r.ReadUtc });
        builder.Property(r => r.Role).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.What).HasMaxLength(50);
        builder.Ignore(r => r.Staff);
    }
}

internal sealed class ProfileChangeConfiguration : IEntityTypeConfiguration<ProfileChange>
{
    public void Configure(EntityTypeBuilder<ProfileChange> builder)
    {
        builder.ToTable("ProfileChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        // Incident support: who changed this record, and what did this account change, in a time window.
        builder.HasIndex(c => new { c.ProfileId, c.ChangedUtc });
        builder.HasIndex(c => new { c.ActorAccountId, c.ChangedUtc });
        builder.Property(c => c.Role).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Fields).HasMaxLength(500);
        builder.Ignore(c => c.FieldNames);
    }
}
