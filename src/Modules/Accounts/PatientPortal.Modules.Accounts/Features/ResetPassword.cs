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

internal sealed class ResetPasswordHandler(AccountsDbContext db, Credentials credentials, SecondFactorProof proof, AccountMail mail, IOptions<AccountsOptions> options, TimeProvider clock)
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

        if (account.IsLocked(now))
        {
            return new Error(AccountErrors.TooManyAttempts);
        }

        var pinOk = account.RecoveryPinHash is null || credentials.Verify(account, account.RecoveryPinHash, request.Pin ?? "").Matches;
        if (Account.Normalize(request.Email) != account.NormalizedEmail || !pinOk)
        {
            var spent = token.RecordWrongAnswer(account, options.Value.MaxFailedSignIns, options.Value.LockoutDuration, now);
            await db.SaveChangesAsync(cancellationToken);
            return new Error(spent ? AccountErrors.ResetLinkInvalid : AccountErrors.ResetDetailsWrong);
        }

        if (await proof.CheckForResetAsync(account, request.Code, options.Value, now, cancellationToken) is { } refused)
        {
            await db.SaveChangesAsync(cancellationToken);
            return refused;
        }

        account.ChangePassword(credentials.Hash(request.Password), now);
        token.Use(now);
        await Sessions.EndAllAsync(db, account.Id, except: null, now, cancellationToken);
        mail.Queue(db, account.Email, account.Language, "PasswordChanged", ("Name", account.FirstName));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
