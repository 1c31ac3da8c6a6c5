using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientPortal.Modules.Audit.Data.Configurations;

internal sealed class FileAccessRecordConfiguration : IEntityTypeConfiguration<FileAccessRecord>
{
    public void Configure(EntityTypeBuilder<FileAccessRecord> builder)
    {
        builder.ToTable("FileAccesses");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        // A profile's log, newest first (the patient's and the staff page); an incident's window (the export).
        builder.HasIndex(a => new { a.ProfileId, a.ReadUtc });
        builder.HasIndex(a => a.ReadUtc);
        builder.Property(a => a.ReaderRole).HasMaxLength(10);
        builder.Property(a => a.ReaderName).HasMaxLength(FileAccessRecord.NameLength);
        builder.Property(a => a.StaffRole).HasMaxLength(10);
        builder.Property(a => a.Kind).HasMaxLength(10);
        builder.Property(a => a.What).HasMaxLength(50);
    }
}
