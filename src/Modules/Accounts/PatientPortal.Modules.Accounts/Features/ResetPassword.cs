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
    AccountsDbContext db, Credentials credentials, SignInGuard guard, SecondFactorProof proof, AccountMail mail, IOptions<AccountsOptions> options, TimeProvider clock)
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

        // A lock does not stop the owner here: the link proves the email, and its own tries are few. Wrong answers
        // still count toward the lock, so asking for link after link buys no more guesses.
        var pinOk = account.RecoveryPinHash is null || credentials.Verify(account, account.RecoveryPinHash, request.Pin ?? "").Matches;
        if (Account.Normalize(request.Email) != account.NormalizedEmail || !pinOk)
        {
            (await guard.ForAsync(account.NormalizedEmail, cancellationToken)).Failed(account);
            var spent = token.RecordWrongAnswer(now);
            await db.SaveChangesAsync(cancellationToken);
            return new Error(spent ? AccountErrors.ResetLinkInvalid : AccountErrors.ResetDetailsWrong);
        }

        if (await proof.CheckForResetAsync(account, request.Code, options.Value, now, cancellationToken) is { } refused)
        {
            await db.SaveChangesAsync(cancellationToken);
            return refused;
        }

        await guard.ForgetAsync(account.NormalizedEmail, cancellationToken);
        account.ChangePassword(credentials.Hash(request.Password), now);
        token.Use(now);
        await Sessions.EndAllAsync(db, account.Id, except: null, now, cancellationToken);
        mail.Queue(db, account.Email, account.Language, "PasswordChanged", ("Name", account.FirstName));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
