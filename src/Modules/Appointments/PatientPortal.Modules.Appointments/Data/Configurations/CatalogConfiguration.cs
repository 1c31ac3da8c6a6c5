using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientPortal.Modules.Appointments.Data.Configurations;

internal static class LocalizedTextColumns
{
    /// <summary>A name in both languages as two columns, "{prefix}En" and "{prefix}Fr".</summary>
    public static void Map(ComplexPropertyBuilder<LocalizedText> text, string prefix, int maxLength)
    {
        text.Property(t => t.En).HasColumnName(prefix + "En").HasMaxLength(maxLength);
        text.Property(t => t.Fr).HasColumnName(prefix + "Fr").HasMaxLength(maxLength);
    }
}

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.ToTable("Sites");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.AddressLine).HasMaxLength(200);
        builder.Property(s => s.City).HasMaxLength(100);
        builder.Property(s => s.Province).HasMaxLength(50);
        builder.Property(s => s.PostalCode).HasMaxLength(10);
        builder.Property(s => s.Phone).HasMaxLength(30);
    }
}

internal sealed class SpecialtyConfiguration : IEntityTypeConfiguration<Specialty>
{
    public void Configure(EntityTypeBuilder<Specialty> builder)
    {
        builder.ToTable("Specialties");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.ComplexProperty(s => s.Name, n => LocalizedTextColumns.Map(n, "Name", 100));
    }
}

internal sealed class PractitionerConfiguration : IEntityTypeConfiguration<Practitioner>
{
    public void Configure(EntityTypeBuilder<Practitioner> builder)
    {
        builder.ToTable("Practitioners");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.DisplayName).HasMaxLength(150);
        builder.OwnsMany(p => p.Specialties, s =>
        {
            s.ToTable("PractitionerSpecialties");
            s.WithOwner().HasForeignKey("PractitionerId");
            s.HasKey("PractitionerId", nameof(PractitionerSpecialty.SpecialtyId));
            s.HasOne<Specialty>().WithMany().HasForeignKey(x => x.SpecialtyId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Navigation(p => p.Specialties).HasField("_specialties");
        builder.OwnsMany(p => p.Sites, s =>
        {
            s.ToTable("PractitionerSites");
            s.WithOwner().HasForeignKey("PractitionerId");
            s.HasKey("PractitionerId", nameof(PractitionerSite.SiteId));
            s.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Navigation(p => p.Sites).HasField("_sites");
    }
}

internal sealed class AppointmentTypeConfiguration : IEntityTypeConfiguration<AppointmentType>
{
    public void Configure(EntityTypeBuilder<AppointmentType> builder)
    {
        builder.ToTable("AppointmentTypes");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.ComplexProperty(t => t.Name, n => LocalizedTextColumns.Map(n, "Name", 100));
        builder.OwnsOne(t => t.Description, d =>
        {
            d.Property(x => x.En).HasColumnName("DescriptionEn").HasMaxLength(300);
            d.Property(x => x.Fr).HasColumnName("DescriptionFr").HasMaxLength(300);
        });
        builder.OwnsOne(t => t.VisitMessage, m =>
        {
            m.Property(x => x.En).HasColumnName("VisitMessageEn").HasMaxLength(1000);
            m.Property(x => x.Fr).HasColumnName("VisitMessageFr").HasMaxLength(1000);
        });
        builder.Property(t => t.Emergency).HasConversion<string>().HasMaxLength(10);
        builder.HasOne<Specialty>().WithMany().HasForeignKey(t => t.SpecialtyId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(t => t.Duration);
    }
}

internal sealed class ScheduleBlockConfiguration : IEntityTypeConfiguration<ScheduleBlock>
{
    public void Configure(EntityTypeBuilder<ScheduleBlock> builder)
    {
        builder.ToTable("ScheduleBlocks");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        // The grid asks for a site's blocks (and a practitioner's).
        builder.HasIndex(b => new { b.SiteId, b.PractitionerId });
        builder.HasOne<Practitioner>().WithMany().HasForeignKey(b => b.PractitionerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Site>().WithMany().HasForeignKey(b => b.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(b => b.Types, t =>
        {
            t.ToTable("ScheduleBlockTypes");
            t.WithOwner().HasForeignKey("ScheduleBlockId");
            t.HasKey("ScheduleBlockId", nameof(OfferedType.AppointmentTypeId));
            t.HasOne<AppointmentType>().WithMany().HasForeignKey(x => x.AppointmentTypeId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Navigation(b => b.Types).HasField("_types");
    }
}

internal sealed class ScheduleExceptionConfiguration : IEntityTypeConfiguration<ScheduleException>
{
    public void Configure(EntityTypeBuilder<ScheduleException> builder)
    {
        builder.ToTable("ScheduleExceptions");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Label).HasMaxLength(100);
        builder.HasIndex(e => new { e.FirstDay, e.LastDay });
    }
}
