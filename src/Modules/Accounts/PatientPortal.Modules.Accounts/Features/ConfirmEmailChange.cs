using PatientPortal.BuildingBlocks.Outbox;

namespace PatientPortal.Modules.Accounts.Features;

internal sealed class ConfirmEmailChangeHandler(AccountsDbContext db, SignInGuard guard, AccountMail mail, TimeProvider clock)
    : IRequestHandler<ConfirmEmailChange, Result>
{
    // Parallel tries on one link are serialized by the account's version: each wrong code counts, one right code wins.
    public Task<Result> Handle(ConfirmEmailChange request, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, () => AttemptAsync(request, cancellationToken));

    private async Task<Result> AttemptAsync(ConfirmEmailChange request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await UsableToken.FindAsync(db, request.Token, TokenPurpose.EmailChange, now, cancellationToken) is not (var token, var account))
        {
            return new Error(AccountErrors.EmailChangeLinkInvalid);
        }

        // The owner's flow (a session asked for it, the link proves the new mailbox): this source's block refuses, and
        // wrong codes are capped per address like second-factor codes, whatever the source and however many links.
        var attempt = await guard.BeginForOwnerAsync(account.NormalizedEmail, secondFactorCode: true, cancellationToken);
        if (attempt.Refused)
        {
            return new Error(AccountErrors.TooManyAttempts);
        }

        if (!await LinkAnswers.TryCountAsync(db, token, cancellationToken))
        {
            await attempt.RightSecretAsync();
            return new Error(AccountErrors.EmailChangeLinkInvalid);
        }

        if (Account.Normalize(request.Email ?? "") != Account.Normalize(token.NewEmail!) || !Secrets.CodeMatches(account.Id, request.Code, token.CodeHash!))
        {
            var refused = await attempt.FailedAsync(account, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            var spent = await LinkAnswers.WrongAsync(db, token, now, cancellationToken);
            return new Error(spent ? AccountErrors.EmailChangeLinkInvalid : refused ? AccountErrors.TooManyAttempts : AccountErrors.WrongCode, nameof(request.Code));
        }

        await attempt.RightSecretAsync();
        await LinkAnswers.RightAsync(db, token);
        var oldEmail = account.Email;
        account.ChangeEmail(token.NewEmail!);
        token.Use(now);
        // Whoever held the old address may be signed in elsewhere: every other session ends. This browser's session is
        // kept only when it is this account's (EndAllAsync only ever looks at this account's sessions).
        await Sessions.EndAllAsync(db, account.Id, except: request.CurrentSessionId, now, cancellationToken);
        mail.Queue(db, oldEmail, account.Language, "EmailChanged", ("Name", account.FirstName), ("NewEmail", account.Email));
        db.Publish(new EmailChanged(account.Id), clock);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return new Error(AccountErrors.EmailTaken, nameof(request.Email));
        }

        return Result.Success();
    }
}
