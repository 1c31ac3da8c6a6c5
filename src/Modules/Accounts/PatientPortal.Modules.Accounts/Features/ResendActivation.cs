namespace PatientPortal.Modules.Accounts.Features;

internal sealed class ResendActivationHandler(
    AccountsDbContext db, ICurrentAccount caller, Credentials credentials, SignInGuard guard, AccountMail mail, IOptions<AccountsOptions> options, TimeProvider clock)
    : IRequestHandler<ResendActivation, Result>
{
    // A wrong password counts even when parallel tries race: conflicts are retried on fresh data.
    public Task<Result> Handle(ResendActivation request, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, () => AttemptAsync(request, cancellationToken));

    private async Task<Result> AttemptAsync(ResendActivation request, CancellationToken cancellationToken)
    {
        var normalized = Account.Normalize(request.Email ?? "");
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.NormalizedEmail == normalized, cancellationToken);
        var attempt = await guard.ForAsync(normalized, cancellationToken);
        var matches = credentials.Verify(account, account?.PasswordHash, request.Password ?? "").Matches;

        // A password check like any sign-in: it is counted, and says nothing more than a sign-in would. An active
        // account has nothing to resend: it is refused like a wrong password, with the same write, so time tells nothing.
        if (attempt.IsBlocked)
        {
            return new Error(AccountErrors.InvalidCredentials);
        }

        if (account is null or { IsActive: true } || !matches)
        {
            attempt.Failed(account);
            await db.SaveChangesAsync(cancellationToken);
            return new Error(AccountErrors.InvalidCredentials);
        }

        await ActivationMail.SendAsync(db, mail, account, Throttle.SourceKey(caller.Source), options.Value.ActivationLinkLifetime, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
