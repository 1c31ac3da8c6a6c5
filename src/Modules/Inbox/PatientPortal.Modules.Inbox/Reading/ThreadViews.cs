using System.Globalization;
using Microsoft.Extensions.Options;

namespace PatientPortal.Modules.Inbox.Reading;

/// <summary>What a thread's page shows, for the patient's page and staff's: the messages newest first, the files, the reply allowance, the disclaimer.</summary>
internal sealed class ThreadViews(InboxDbContext db, IOptions<InboxOptions> options)
{
    /// <summary>Whose a communication is and what it is, to decide who may open it (null: no such communication).</summary>
    public Task<Owner?> OwnerAsync(Guid communicationId, CancellationToken cancellationToken) =>
        db.Communications.AsNoTracking()
            .Where(c => c.Id == communicationId)
            .Select(c => new Owner(c.ProfileId, c.Category, c.FromPractitionerId))
            .SingleOrDefaultAsync(cancellationToken);

    /// <param name="patientReader">The patient-side reader (null: staff): a reply a proxy wrote names its writer to that
    /// writer only; the person's other proxies read "someone acting for Nathan Milner" (review: a co-parent's or a
    /// caregiver's name, from their own clinic record, is theirs, as ADR 0019 keeps readers' names).</param>
    public async Task<ThreadView?> LoadAsync(Guid communicationId, Guid? patientReader, CancellationToken cancellationToken)
    {
        var communication = await db.Communications.AsNoTracking()
            .Include(c => c.Messages)
            .Include(c => c.Attachments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == communicationId, cancellationToken);
        if (communication is null)
        {
            return null;
        }

        return new ThreadView(
            communication.Id,
            communication.ProfileId,
            communication.Category,
            communication.Subject,
            communication.FromPractitioner,
            communication.Site,
            communication.TypeLabel,
            communication.SentUtc,
            [.. communication.Messages
                .OrderByDescending(m => m.AtUtc).ThenByDescending(m => m.ReplyNumber ?? 0).ThenByDescending(m => m.Id)
                .Select(m => new ThreadMessage(m.Id, m.Author, m.FromPractitioner, m.Body, m.AtUtc, WriterFor(m, patientReader)))],
            [.. communication.Attachments.OrderBy(a => a.AddedUtc).ThenBy(a => a.Id).Select(a => new AttachmentInfo(a.Id, a.FileName, a.Length))],
            new ReplyState(communication.MayReply, communication.RepliesAllowed, Math.Max(0, communication.RepliesAllowed - communication.ReplyCount)),
            Disclaimer());
    }

    private static ReplyWriter? WriterFor(Message message, Guid? patientReader) =>
        message.WrittenBy is { ForPatient: not null } writer && patientReader is { } reader && reader != message.AuthorAccountId
            ? writer with { Name = null }
            : message.WrittenBy;

    /// <summary>The clinic's disclaimer in the reader's language (French unless the page is in English).</summary>
    public string Disclaimer() =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? options.Value.DisclaimerEn : options.Value.DisclaimerFr;
}

/// <summary>Whose a communication is, its category, and its sender's id (staff's "Write again" offers it first).</summary>
internal sealed record Owner(Guid ProfileId, CommunicationCategory Category, Guid? FromPractitionerId);
