using System.Globalization;
using PatientPortal.BuildingBlocks.Outbox;
using PatientPortal.Modules.Inbox.Reading;
using PatientPortal.Modules.Profiles.Contracts;

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
/// other and the second finds none left; the unique reply number stands behind the lock. The reply keeps who wrote it
/// as named now (review L1): the writer's own record, and the person's when a proxy writes for them. The allowance and
/// the read state stay the profile's, whoever of its accounts writes (ADR 0017).
/// </summary>
internal sealed class ReplyToCommunicationHandler(
    InboxDbContext db, ThreadViews views, InboxAccess access, ReadTrail trail, ICurrentAccount current, IMediator mediator, TimeProvider clock)
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
        // Named before the lock is taken, so it is held no longer for it.
        var writer = await WriterAsync(owner.ProfileId, cancellationToken);
        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(() => LockedAsync(request.CommunicationId, text, author, writer, cancellationToken));
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return new Error(InboxErrors.ReplyNotAllowed);
        }
    }

    private async Task<Result> LockedAsync(Guid communicationId, string text, Guid author, ReplyWriter? writer, CancellationToken cancellationToken)
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

        db.Messages.Add(communication.Reply(text, author, writer, clock.GetUtcNow()));
        db.Publish(new ReplySent(communication.Id, communication.ProfileId, communication.Category), clock);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result.Success();
    }

    /// <summary>
    /// The writer as Profiles names the signed-in account's links now: its own record's name (the session's name for an
    /// account with none), and the profile's name when it is another's. Null when the profile is not among them: the
    /// pages then show the patient's name, as before names were kept.
    /// </summary>
    private async Task<ReplyWriter?> WriterAsync(Guid profileId, CancellationToken cancellationToken)
    {
        var links = await mediator.Send(new GetMyProfiles(), cancellationToken);
        if (links.IsFailure || links.Value.FirstOrDefault(p => p.ProfileId == profileId) is not { } patient)
        {
            return null;
        }

        if (patient.Relationship == Relationship.Self)
        {
            return new ReplyWriter(NameOf(patient), null);
        }

        var own = links.Value.FirstOrDefault(p => p.Relationship == Relationship.Self);
        return (own is null ? current.DisplayName : NameOf(own)) is { Length: > 0 } name ? new ReplyWriter(name, NameOf(patient)) : null;
    }

    private static string NameOf(MyProfile profile) => $"{profile.FirstName} {profile.LastName}".Trim();
}
