using PatientPortal.BuildingBlocks.Outbox;

namespace PatientPortal.Modules.Accounts.Features;

internal sealed class ChangePasswordValidator : AbstractValidator<ChangePassword>
{
    public ChangePasswordValidator(PasswordPolicy passwords)
    {
        RuleFor(r => r.OldPassword).NotEmpty();
        RuleFor(r => r.NewPassword).MustBeAStrongPassword(passwords);
        RuleFor(r => r.ConfirmPassword).Equal(r => r.NewPassword).WithErrorCode(AccountErrors.PasswordsDoNotMatch);
    }
}

internal sealed class ChangePasswordHandler(
    AccountsDbContext db, ICurrentAccount current, Credentials credentials, CurrentPassword currentPassword, AccountMail mail, TimeProvider clock)
    : IRequestHandler<ChangePassword, Result>
{
    // A wrong password counts toward the lockout even when parallel tries race: conflicts are retried on fresh data.
    public Task<Result> Handle(ChangePassword request, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, () => AttemptAsync(request, cancellationToken));

    private async Task<Result> AttemptAsync(ChangePassword request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } id)
        {
            return Error.Forbidden;
        }

        var now = clock.GetUtcNow();
        var account = await db.Accounts.SingleAsync(a => a.Id == id, cancellationToken);
        if (await currentPassword.CheckAsync(account, request.OldPassword, cancellationToken) is { } refused)
        {
            await db.SaveChangesAsync(cancellationToken);
            var key = refused.Key == AccountErrors.PasswordWrong ? AccountErrors.OldPasswordWrong : refused.Key;
            return refused with { Key = key, Field = nameof(request.OldPassword) };
        }

        account.ChangePassword(credentials.Hash(request.NewPassword), now);
        await Sessions.EndAllAsync(db, id, except: request.CurrentSessionId, now, cancellationToken);
        mail.Queue(db, account.Email, account.Language, "PasswordChanged", ("Name", account.FirstName));
        db.Publish(new PasswordChanged(account.Id), clock);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
