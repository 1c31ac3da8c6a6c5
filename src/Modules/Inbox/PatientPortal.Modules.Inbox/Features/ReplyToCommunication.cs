using System.Globalization;
using PatientPortal.BuildingBlocks.Outbox;
using PatientPortal.Modules.Inbox.Reading;

namespace PatientPortal.Modules.Inbox.Features;

internal sealed class ReplyToCommunicationValidator : AbstractValidator<ReplyToCommunication>
{
    public ReplyToCommunicationValidator()
    {
        RuleFor(r => r.Text).Must(t => PlainText.Length(PlainText.Normalize(t)) > 0).WithErrorCode(InboxErrors.ReplyRequired);
        RuleFor(r => r.Text).Must(t => PlainText.Length(PlainText.Normalize(t)) <= ReplyToCommunication.MaxLength)
            .WithErrorCode(InboxErrors.ReplyTooLong).WithState(_ => new[] { ReplyToCommunication.MaxLength.ToString(CultureInfo.InvariantCulture) });
        RuleFor(r => r.Text).Must(t => !PlainText.HasForbiddenCharacters(t)).WithErrorCode(InboxErrors.InvalidCharacters);
        RuleFor(r => r.DisclaimerAccepted).Equal(true).WithErrorCode(InboxErrors.DisclaimerNotAccepted);
    }
}

/// <summary>
/// Authorized as a read of the thread (another family's id: "not found", on the trail). The reply is counted and saved
/// under the communication's lock (<see cref="ThreadLock"/>), so two replies racing for the last one run one after the
/// other and the second finds none left; the unique reply number stands behind the lock.
/// </summary>
internal sealed class ReplyToCommunicationHandler(InboxDbContext db, ThreadViews views, InboxAccess access, ReadTrail trail, ICurrentAccount current, TimeProvider clock)
    : IRequestHandler<ReplyToCommunication, Result>
{
    public async Task<Result> Handle(ReplyToCommunication request, CancellationToken cancellationToken)
    {
        if (await views.OwnerAsync(request.CommunicationId, cancellationToken) is not { } owner || current.AccountId is not { } author)
        {
            return new Error(InboxErrors.NotFound);
        }

        if (!await access.MayOpenAsync(owner.ProfileId, owner.Category, cancellationToken))
        {
            await trail.RecordAsync(owner.ProfileId, ReadTrail.Thread, request.CommunicationId, allowed: false, cancellationToken);
            return new Error(InboxErrors.NotFound);
        }

        var text = PlainText.Normalize(request.Text);
        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(() => LockedAsync(request.CommunicationId, text, author, cancellationToken));
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return new Error(InboxErrors.ReplyNotAllowed);
        }
    }

    private async Task<Result> LockedAsync(Guid communicationId, string text, Guid author, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await ThreadLock.BeginAsync(db, communicationId, cancellationToken);
        var communication = await db.Communications.SingleOrDefaultAsync(c => c.Id == communicationId, cancellationToken);
        if (communication is null)
        {
            return new Error(InboxErrors.NotFound);
        }

        if (!communication.MayReply)
        {
            return new Error(InboxErrors.ReplyNotAllowed);
        }

        db.Messages.Add(communication.Reply(text, author, clock.GetUtcNow()));
        db.Publish(new ReplySent(communication.Id, communication.ProfileId, communication.Category), clock);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Success();
    }
}
