namespace PatientPortal.Modules.Accounts.Features;

internal sealed class ResendActivationHandler(AccountsDbContext db, Credentials credentials, AccountMail mail, IOptions<AccountsOptions> options, TimeProvider clock)
    : IRequestHandler<ResendActivation, Result>
{
    // A wrong password counts toward the lockout even when parallel tries race: conflicts are retried on fresh data.
    public Task<Result> Handle(ResendActivation request, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, () => AttemptAsync(request, cancellationToken));

    private async Task<Result> AttemptAsync(ResendActivation request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var normalized = Account.Normalize(request.Email ?? "");
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.NormalizedEmail == normalized, cancellationToken);
        var matches = credentials.Verify(account, account?.PasswordHash, request.Password ?? "").Matches;

        // A password check like any sign-in: it counts toward the lockout and says nothing more than a sign-in would.
        if (account is null || account.IsLocked(now) || account.IsActive)
        {
            return new Error(AccountErrors.InvalidCredentials);
        }

        if (!matches)
        {
            account.RecordFailedSignIn(options.Value.MaxFailedSignIns, options.Value.LockoutDuration, now);
            await db.SaveChangesAsync(cancellationToken);
            return new Error(AccountErrors.InvalidCredentials);
        }

        ActivationMail.Send(db, mail, account, options.Value.ActivationLinkLifetime, now);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
