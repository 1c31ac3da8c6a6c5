using System.Globalization;
using PatientPortal.BuildingBlocks.Outbox;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Inbox.Emails;
using PatientPortal.Modules.Inbox.Senders;
using PatientPortal.Modules.Inbox.Storage;
using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Inbox.Features;

internal sealed class ComposeCommunicationValidator : AbstractValidator<ComposeCommunication>
{
    public ComposeCommunicationValidator()
    {
        RuleFor(r => r.Category).IsInEnum();
        RuleFor(r => r.Subject).Must(s => PlainText.Length(PlainText.Normalize(s)) > 0).WithErrorCode(InboxErrors.SubjectRequired);
        RuleFor(r => r.Subject).Must(s => PlainText.Length(PlainText.Normalize(s)) <= ComposeCommunication.SubjectMaxLength)
            .WithErrorCode(InboxErrors.SubjectTooLong).WithState(_ => Limit(ComposeCommunication.SubjectMaxLength));
        RuleFor(r => r.Subject).Must(s => PlainText.IsOneLine(PlainText.Normalize(s))).WithErrorCode(InboxErrors.InvalidCharacters);
        RuleFor(r => r.Body).Must(b => PlainText.Length(PlainText.Normalize(b)) > 0).WithErrorCode(InboxErrors.BodyRequired);
        RuleFor(r => r.Body).Must(b => PlainText.Length(PlainText.Normalize(b)) <= ComposeCommunication.BodyMaxLength)
            .WithErrorCode(InboxErrors.BodyTooLong).WithState(_ => Limit(ComposeCommunication.BodyMaxLength));
        RuleFor(r => r.Body).Must(b => !PlainText.HasForbiddenCharacters(b)).WithErrorCode(InboxErrors.InvalidCharacters);
        // The sender and the site are ids, checked against the clinic's active ones by the handler (ClinicSenders).
        RuleFor(r => r.TypeLabel).Must(l => PlainText.Length(PlainText.Normalize(l)) <= ComposeCommunication.LabelMaxLength)
            .WithErrorCode(InboxErrors.LabelTooLong).WithState(_ => Limit(ComposeCommunication.LabelMaxLength));
        RuleFor(r => r.TypeLabel).Must(l => PlainText.IsOneLine(PlainText.Normalize(l))).WithErrorCode(InboxErrors.InvalidCharacters);

        RuleFor(r => r.RepliesAllowed).InclusiveBetween(0, ComposeCommunication.MaxRepliesLimit).WithErrorCode(InboxErrors.RepliesOutOfRange)
            .WithState(_ => Limit(ComposeCommunication.MaxRepliesLimit));
        RuleFor(r => r.Attachments).NotNull();
        RuleFor(r => r.Attachments).Must(a => a is null || a.Count <= ComposeCommunication.MaxAttachments)
            .WithErrorCode(InboxErrors.TooManyAttachments).WithState(_ => Limit(ComposeCommunication.MaxAttachments));
        RuleFor(r => r.Attachments).Must((r, a) => r.Category == CommunicationCategory.Message || a is { Count: > 0 })
            .WithErrorCode(InboxErrors.AttachmentRequired);
    }

    private static string[] Limit(int limit) => [limit.ToString(CultureInfo.InvariantCulture)];
}

/// <summary>
/// Staff only. The sender and the site must be among the clinic's active ones now (their names are kept as they are);
/// the uploads are all checked (size, then PDF by content) before anything is stored; the files are written under keys
/// reserved first, and the communication, its attachment rows and its emails are saved together, which also lifts the
/// reservations (ADR 0017).
/// </summary>
internal sealed class ComposeCommunicationHandler(
    InboxDbContext db, ICurrentAccount current, IMediator mediator, ClinicSenders senders, AttachmentUploads uploads, AttachmentFiles files, InboxMail mail,
    TimeProvider clock)
    : IRequestHandler<ComposeCommunication, Result<Guid>>
{
    public async Task<Result<Guid>> Handle(ComposeCommunication request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current) || current.AccountId is not { } staff)
        {
            return Error.Forbidden;
        }

        var names = await mediator.Send(new GetPatientNames([request.ProfileId]), cancellationToken);
        if (names.IsFailure || names.Value.Count == 0)
        {
            return new Error(InboxErrors.UnknownPatient);
        }

        if (await AlreadySentAsync(request.FormId, cancellationToken) is { } sent)
        {
            return sent;
        }

        var chosen = await senders.ChooseAsync(request.FromPractitionerId, request.SiteId, cancellationToken);
        if (chosen.IsFailure)
        {
            return Result.Failure<Guid>([.. chosen.Errors]);
        }

        var checkedUploads = await uploads.CheckAsync(request.Attachments, cancellationToken);
        if (checkedUploads.IsFailure)
        {
            return Result.Failure<Guid>([.. checkedUploads.Errors]);
        }

        var recipients = await mail.RecipientsAsync(request.ProfileId, request.Category, cancellationToken);
        var keys = await files.WriteAsync(checkedUploads.Value, cancellationToken);
        try
        {
            var now = clock.GetUtcNow();
            var communication = Communication.Send(
                request.ProfileId, request.Category, PlainText.Normalize(request.Subject), PlainText.Normalize(request.Body), chosen.Value.Sender,
                chosen.Value.Site!.Id, chosen.Value.Site.Name, PlainText.Normalize(request.TypeLabel), request.RepliesAllowed, staff, now);
            for (var i = 0; i < keys.Count; i++)
            {
                communication.Attach(checkedUploads.Value[i].FileName, keys[i], checkedUploads.Value[i].Content.Length, now);
            }

            communication.SubmittedWith(request.FormId);
            db.Communications.Add(communication);
            files.Keep(keys);
            mail.Queue(db, communication, recipients);
            db.Publish(new CommunicationPublished(communication.Id, communication.ProfileId, communication.Category), clock);
            await db.SaveChangesAsync(cancellationToken);
            return communication.Id;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex) && request.FormId is not null)
        {
            // The same form, submitted twice at once: the other made it (the unique form id); these files go.
            db.ChangeTracker.Clear();
            await files.DeleteQuietlyAsync([.. keys], CancellationToken.None);
            return await AlreadySentAsync(request.FormId, cancellationToken) ?? throw new InvalidOperationException("A unique form id without its communication.", ex);
        }
        catch
        {
            db.ChangeTracker.Clear();
            await files.DeleteQuietlyAsync([.. keys], CancellationToken.None);
            throw;
        }
    }

    private async Task<Guid?> AlreadySentAsync(Guid? formId, CancellationToken cancellationToken) =>
        formId is null ? null : await db.Communications.AsNoTracking().Where(c => c.FormId == formId).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
}
