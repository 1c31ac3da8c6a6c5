using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientPortal.Modules.Appointments.Data.Configurations;

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.ToTable("Appointments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Reason).HasMaxLength(500);
        builder.Property(a => a.CancelledNote).HasMaxLength(200);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.CancelledByParty).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Version).IsConcurrencyToken();
        // The last line of defence against a double booking: one live appointment per practitioner and start.
        builder.HasIndex(a => new { a.PractitionerId, a.StartUtc }).IsUnique()
            .HasFilter("\"Status\" <> 'Cancelled'").HasDatabaseName("IX_Appointments_OneLivePerPractitionerStart");
        // A practitioner's busy times (every grid, every booking) and a profile's lists (tab, dashboard). The busy times
        // are read from the index alone (Status in it): without it SQLite took the unique index above and fetched every
        // row for its end (bench/Appointments).
        builder.HasIndex(a => new { a.PractitionerId, a.StartUtc, a.EndUtc, a.Status }).HasDatabaseName("IX_Appointments_BusyTimes");
        builder.HasIndex(a => new { a.ProfileId, a.StartUtc });
        // The reminder job: booked appointments whose window opens.
        builder.HasIndex(a => a.StartUtc).HasFilter("\"ReminderQueuedUtc\" IS NULL").HasDatabaseName("IX_Appointments_ReminderDue");
        builder.HasOne<Practitioner>().WithMany().HasForeignKey(a => a.PractitionerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Site>().WithMany().HasForeignKey(a => a.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppointmentType>().WithMany().HasForeignKey(a => a.AppointmentTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(a => a.IsCancelled);
    }
}
