using System.Globalization;
using PatientPortal.BuildingBlocks.Outbox;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Inbox.Emails;
using PatientPortal.Modules.Inbox.Senders;

namespace PatientPortal.Modules.Inbox.Features;

internal sealed class StaffWriteAgainValidator : AbstractValidator<StaffWriteAgain>
{
    public StaffWriteAgainValidator()
    {
        RuleFor(r => r.Body).Must(b => PlainText.Length(PlainText.Normalize(b)) > 0).WithErrorCode(InboxErrors.BodyRequired);
        RuleFor(r => r.Body).Must(b => PlainText.Length(PlainText.Normalize(b)) <= ComposeCommunication.BodyMaxLength)
            .WithErrorCode(InboxErrors.BodyTooLong).WithState(_ => new[] { ComposeCommunication.BodyMaxLength.ToString(CultureInfo.InvariantCulture) });
        RuleFor(r => r.Body).Must(b => !PlainText.HasForbiddenCharacters(b)).WithErrorCode(InboxErrors.InvalidCharacters);
    }
}

/// <summary>
/// Staff only, under the thread's lock: a clinic message in the thread, unread again for the patient (the flag is always written, so a patient
/// opening the thread at that moment cannot leave the new message marked read), with the same emails as a new one. The sender must be one of
/// the clinic's active practitioners now, or its administration.
/// </summary>
internal sealed class StaffWriteAgainHandler(InboxDbContext db, ICurrentAccount current, ClinicSenders senders, InboxMail mail, TimeProvider clock)
    : IRequestHandler<StaffWriteAgain, Result>
{
    public async Task<Result> Handle(StaffWriteAgain request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current) || current.AccountId is not { } staff)
        {
            return Error.Forbidden;
        }

        var owner = await db.Communications.AsNoTracking()
            .Where(c => c.Id == request.CommunicationId)
            .Select(c => new { c.ProfileId, c.Category })
            .SingleOrDefaultAsync(cancellationToken);
        if (owner is null)
        {
            return new Error(InboxErrors.NotFound);
        }

        var chosen = await senders.ChooseAsync(request.FromPractitionerId, siteId: null, cancellationToken);
        if (chosen.IsFailure)
        {
            return Result.Failure([.. chosen.Errors]);
        }

        // Whom to tell is looked up before the lock is taken, so it is held no longer for it.
        var recipients = await mail.RecipientsAsync(owner.ProfileId, owner.Category, cancellationToken);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await ThreadLock.BeginAsync(db, request.CommunicationId, cancellationToken);
            var communication = await db.Communications.SingleOrDefaultAsync(c => c.Id == request.CommunicationId, cancellationToken);
            if (communication is null)
            {
                return (Result)new Error(InboxErrors.NotFound); // deleted meanwhile
            }

            if (request.FormId is { } form && await db.Messages.AnyAsync(m => m.FormId == form, cancellationToken))
            {
                return Result.Success(); // the same form again (a double click, a replay): written once already
            }

            db.Messages.Add(communication.WriteAgain(
                PlainText.Normalize(request.Body), chosen.Value.Sender, staff, clock.GetUtcNow())
                .SubmittedWith(request.FormId));
            db.Entry(communication).Property(c => c.UnreadByPatient).IsModified = true;
            mail.Queue(db, communication, recipients);
            db.Publish(new CommunicationPublished(communication.Id, communication.ProfileId, communication.Category), clock);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Result.Success();
        });
    }
}
