using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientPortal.Modules.Activity.Data.Configurations;

internal sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public void Configure(EntityTypeBuilder<TimelineEntry> builder)
    {
        builder.ToTable("TimelineEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Kind).HasConversion<int>();
        builder.Property(e => e.Tab).HasConversion<int>();
        // Every signed-in page reads a profile's newest lines: one seek, then the first rows in order.
        builder.HasIndex(e => new { e.ProfileId, e.OccurredUtc }).HasFilter("\"ProfileId\" IS NOT NULL").HasDatabaseName("IX_TimelineEntries_Profile_Latest");
        // An account's own lines (credentials), shown on its own profile.
        builder.HasIndex(e => new { e.AccountId, e.OccurredUtc }).HasFilter("\"AccountId\" IS NOT NULL").HasDatabaseName("IX_TimelineEntries_Account_Latest");
        // A deleted communication takes its lines with it.
        builder.HasIndex(e => e.SubjectId).HasFilter("\"SubjectId\" IS NOT NULL");
        // The retention job: the oldest lines first.
        builder.HasIndex(e => e.OccurredUtc);
    }
}
