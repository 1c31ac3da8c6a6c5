using PatientPortal.BuildingBlocks.Outbox;

namespace PatientPortal.Modules.Accounts.Features;

internal sealed class ResetPasswordValidator : AbstractValidator<ResetPassword>
{
    public ResetPasswordValidator(PasswordPolicy passwords)
    {
        RuleFor(r => r.Email).MustBeAnEmail();
        RuleFor(r => r.Password).MustBeAStrongPassword(passwords);
        RuleFor(r => r.ConfirmPassword).Equal(r => r.Password).WithErrorCode(AccountErrors.PasswordsDoNotMatch);
    }
}

internal sealed class ResetPasswordHandler(
    AccountsDbContext db, Credentials credentials, SignInGuard guard, SecondFactorProof proof, AccountMail mail, TimeProvider clock)
    : IRequestHandler<ResetPassword, Result>
{
    // Two tries racing on one link (or one account) are serialized by the account's version: one wins, the other re-reads.
    public Task<Result> Handle(ResetPassword request, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, () => AttemptAsync(request, cancellationToken));

    private async Task<Result> AttemptAsync(ResetPassword request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await UsableToken.FindAsync(db, request.Token, TokenPurpose.PasswordReset, now, cancellationToken) is not (var token, var account))
        {
            return new Error(AccountErrors.ResetLinkInvalid);
        }

        // Neither the account's lock nor this source's stops the owner here: the link proves the email, and caps its
        // own tries. Wrong answers still count toward the lock, so asking for link after link buys no more guesses.
        if (!await LinkAnswers.TryCountAsync(db, token, cancellationToken))
        {
            return new Error(AccountErrors.ResetLinkInvalid);
        }

        var attempt = await guard.BeginForLinkAsync(account.NormalizedEmail, cancellationToken);
        if (attempt.Refused)
        {
            await LinkAnswers.RightAsync(db, token);
            return new Error(AccountErrors.TooManyAttempts);
        }

        var pinOk = account.RecoveryPinHash is null || credentials.Verify(account, account.RecoveryPinHash, request.Pin ?? "").Matches;
        if (Account.Normalize(request.Email) != account.NormalizedEmail || !pinOk)
        {
            await attempt.FailedAsync(account, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return new Error(await LinkAnswers.WrongAsync(db, token, now, cancellationToken) ? AccountErrors.ResetLinkInvalid : AccountErrors.ResetDetailsWrong);
        }

        await attempt.RightSecretAsync();

        // A wrong authenticator code is a wrong answer too: it keeps the link's count, and spends the link after a few.
        if (await proof.CheckForResetAsync(account, request.Code, now, cancellationToken) is { } refused)
        {
            await db.SaveChangesAsync(cancellationToken);
            return await LinkAnswers.WrongAsync(db, token, now, cancellationToken) ? new Error(AccountErrors.ResetLinkInvalid) : refused;
        }

        await LinkAnswers.RightAsync(db, token);
        await guard.ForgetAsync(account.NormalizedEmail, cancellationToken);
        account.ChangePassword(credentials.Hash(request.Password), now);
        token.Use(now);
        await Sessions.EndAllAsync(db, account.Id, except: null, now, cancellationToken);
        mail.Queue(db, account.Email, account.Language, "PasswordChanged", ("Name", account.FirstName));
        db.Publish(new PasswordChanged(account.Id), clock);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
