using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientPortal.Modules.Activity.Data.Configurations;

internal sealed class DeletedSubjectConfiguration : IEntityTypeConfiguration<DeletedSubject>
{
    public void Configure(EntityTypeBuilder<DeletedSubject> builder)
    {
        builder.ToTable("DeletedSubjects");
        builder.HasKey(d => d.SubjectId);
        builder.Property(d => d.SubjectId).ValueGeneratedNever();
        // The retention job: the oldest first.
        builder.HasIndex(d => d.DeletedUtc);
    }
}
