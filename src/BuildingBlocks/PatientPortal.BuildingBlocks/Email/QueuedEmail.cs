using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PatientPortal.BuildingBlocks.Email;

/// <summary>A text attachment: its file name, its MIME type (with parameters, e.g. <c>text/calendar; method=REQUEST</c>) and content.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, string Content);

/// <summary>A rendered email waiting in the sending module's database until the mail job has handed it to SMTP.</summary>
public sealed class QueuedEmail
{
    public const int MaxAttempts = 8;

    private QueuedEmail() { }

    public Guid Id { get; private set; }
    public string To { get; private set; } = "";
    public string Culture { get; private set; } = "";
    public string Subject { get; private set; } = "";
    /// <summary>Emptied once sent: a body may hold a live link, and the database must not keep a usable copy of it.</summary>
    public string TextBody { get; private set; } = "";

    public string HtmlBody { get; private set; } = "";

    /// <summary>One optional attachment (issue 9: an appointment's calendar file), sent as a part of its own.</summary>
    public string? AttachmentName { get; private set; }

    public string? AttachmentContentType { get; private set; }

    /// <summary>The attachment as text (a calendar file is text); emptied once sent, like the body.</summary>
    public string? AttachmentContent { get; private set; }
    public DateTimeOffset CreatedUtc { get; private set; }
    public DateTimeOffset NextAttemptUtc { get; internal set; }
    public DateTimeOffset? SentUtc { get; internal set; }
    public int Attempts { get; internal set; }
    public string? LastError { get; internal set; }

    /// <summary>True once every retry is spent: staff see it, nobody resends it automatically.</summary>
    public bool GaveUp => SentUtc is null && Attempts >= MaxAttempts;

    public void MarkSent(DateTimeOffset nowUtc)
    {
        SentUtc = nowUtc;
        LastError = null;
        TextBody = "";
        HtmlBody = "";
        AttachmentContent = AttachmentContent is null ? null : "";
    }

    public static QueuedEmail Create(string to, RenderedEmail email, DateTimeOffset nowUtc, EmailAttachment? attachment = null) => new()
    {
        AttachmentName = attachment is null ? null : MailHeaders.SingleLine(attachment.FileName),
        AttachmentContentType = attachment?.ContentType,
        AttachmentContent = attachment?.Content,
        Id = Guid.CreateVersion7(),
        To = MailHeaders.Address(to),
        Culture = email.Culture,
        Subject = MailHeaders.SingleLine(email.Subject),
        TextBody = email.TextBody,
        HtmlBody = email.HtmlBody,
        CreatedUtc = nowUtc,
        NextAttemptUtc = nowUtc,
    };
}

internal sealed class QueuedEmailConfiguration : IEntityTypeConfiguration<QueuedEmail>
{
    public void Configure(EntityTypeBuilder<QueuedEmail> builder)
    {
        builder.ToTable("QueuedEmails");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.To).HasMaxLength(320);
        builder.Property(e => e.Culture).HasMaxLength(10);
        builder.Property(e => e.Subject).HasMaxLength(300);
        builder.Property(e => e.LastError).HasMaxLength(2000);
        builder.Property(e => e.AttachmentName).HasMaxLength(100);
        builder.Property(e => e.AttachmentContentType).HasMaxLength(100);
        builder.Ignore(e => e.GaveUp);
        builder.HasIndex(e => new { e.SentUtc, e.NextAttemptUtc });
    }
}
