using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientPortal.Modules.Inbox.Data.Configurations;

internal sealed class CommunicationConfiguration : IEntityTypeConfiguration<Communication>
{
    public void Configure(EntityTypeBuilder<Communication> builder)
    {
        builder.ToTable("Communications");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Category).HasConversion<string>().HasMaxLength(20);
        // The texts have no column limit: the slices count their length as the user sees characters, and one such
        // character (an emoji family) can take eleven UTF-16 units, which a varchar(n) would count.
        builder.HasMany(c => c.Messages).WithOne().HasForeignKey(m => m.CommunicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Attachments).WithOne().HasForeignKey(a => a.CommunicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Messages).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(c => c.MayReply);
        // A tab's page (Inbox, Documents, Bills: newest first) and the counters (the unread of a profile, by category).
        builder.HasIndex(c => new { c.ProfileId, c.LastMessageUtc }).HasDatabaseName("IX_Communications_Profile_Latest");
        builder.HasIndex(c => new { c.ProfileId, c.Category, c.LastMessageUtc }).HasDatabaseName("IX_Communications_Profile_Category_Latest");
        // The counters, on every signed-in page: only the unread rows, by profile and category. A filtered index, because
        // SQLite cannot seek a bare boolean term: on (ProfileId, UnreadByPatient, Category) it walked a profile's 10,000
        // rows for its 2,000 unread (bench/Inbox: 7.7 ms); this index holds exactly what the query counts.
        builder.HasIndex(c => new { c.ProfileId, c.Category }).HasFilter("\"UnreadByPatient\"").HasDatabaseName("IX_Communications_Profile_Unread");
        // Sent: the threads a profile replied to, latest reply first.
        builder.HasIndex(c => new { c.ProfileId, c.LastReplyUtc }).HasFilter("\"LastReplyUtc\" IS NOT NULL").HasDatabaseName("IX_Communications_Profile_Sent");
        // One communication per compose form (a replayed form finds the first).
        builder.HasIndex(c => c.FormId).IsUnique().HasFilter("\"FormId\" IS NOT NULL");
        // The staff inbox of replies.
        builder.HasIndex(c => c.LastReplyUtc).HasFilter("\"LastReplyUtc\" IS NOT NULL").HasDatabaseName("IX_Communications_Replies");
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.ToTable("Messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Author).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(m => m.WrittenBy);
        builder.HasIndex(m => new { m.CommunicationId, m.AtUtc });
        // Behind the reply lock: one row per reply number, so two replies racing for the last one cannot both be kept
        // (the clinic's messages have none; NULLs never collide).
        builder.HasIndex(m => new { m.CommunicationId, m.ReplyNumber }).IsUnique().HasDatabaseName("IX_Messages_OneReplyPerNumber");
        // Behind the thread's lock: one message per staff form.
        builder.HasIndex(m => m.FormId).IsUnique().HasFilter("\"FormId\" IS NOT NULL");
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.ToTable("Attachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.StorageKey).HasMaxLength(32).IsUnicode(false);
        builder.HasIndex(a => a.StorageKey).IsUnique();
        builder.HasIndex(a => a.CommunicationId);
    }
}

internal sealed class FileCleanupConfiguration : IEntityTypeConfiguration<FileCleanup>
{
    public void Configure(EntityTypeBuilder<FileCleanup> builder)
    {
        builder.ToTable("FileCleanups");
        builder.HasKey(f => f.StorageKey);
        builder.Property(f => f.StorageKey).HasMaxLength(32).IsUnicode(false);
        builder.HasIndex(f => f.DueUtc);
    }
}

internal sealed class CommunicationDeletionConfiguration : IEntityTypeConfiguration<CommunicationDeletion>
{
    public void Configure(EntityTypeBuilder<CommunicationDeletion> builder)
    {
        builder.ToTable("Deletions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Category).HasConversion<string>().HasMaxLength(20);
        // Incident support asks by profile or by staff member over a time window.
        builder.HasIndex(d => new { d.ProfileId, d.DeletedUtc });
        builder.HasIndex(d => new { d.DeletedBy, d.DeletedUtc });
    }
}
