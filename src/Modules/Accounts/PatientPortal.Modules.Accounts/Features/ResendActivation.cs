namespace PatientPortal.Modules.Accounts.Features;

internal sealed class ResendActivationHandler(
    AccountsDbContext db, ICurrentAccount caller, Pepper pepper, Credentials credentials, SignInGuard guard, AccountMail mail, IOptions<AccountsOptions> options, TimeProvider clock)
    : IRequestHandler<ResendActivation, Result>
{
    public async Task<Result> Handle(ResendActivation request, CancellationToken cancellationToken)
    {
        // A password check like any sign-in: counted first, and it says nothing more than a sign-in would. An active
        // account has nothing to resend: it is refused like a wrong password, with the same write, so time tells nothing.
        var normalized = Account.Normalize(request.Email ?? "");
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.NormalizedEmail == normalized, cancellationToken);
        var attempt = await guard.BeginAsync(normalized, account, knownDevice: null, cancellationToken);
        var matches = credentials.Verify(account, account?.PasswordHash, request.Password ?? "").Matches;
        if (attempt.Refused)
        {
            return new Error(AccountErrors.InvalidCredentials);
        }

        if (account is null or { IsActive: true } || !matches)
        {
            await attempt.FailedAsync(account, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return new Error(AccountErrors.InvalidCredentials);
        }

        await attempt.RightSecretAsync();
        await ActivationMail.SendAsync(db, mail, account, Throttle.SourceKey(pepper, caller.Source), options.Value.ActivationLinkLifetime, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
