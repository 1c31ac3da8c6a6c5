using PatientPortal.BuildingBlocks.Email;

namespace PatientPortal.Modules.Accounts.Features;

internal sealed class StartAuthenticatorSetUpHandler(
    AccountsDbContext db, ICurrentAccount current, Authenticator authenticator, IOptions<EmailOptions> email)
    : IRequestHandler<StartAuthenticatorSetUp, Result<AuthenticatorSetUp>>
{
    public async Task<Result<AuthenticatorSetUp>> Handle(StartAuthenticatorSetUp request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } id)
        {
            return Error.Forbidden;
        }

        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == id, cancellationToken);
        var factor = await db.SecondFactors.SingleOrDefaultAsync(f => f.AccountId == id, cancellationToken);
        if (factor is { IsOn: true })
        {
            return new Error(AccountErrors.SecondFactorAlreadyOn);
        }

        if (factor is null)
        {
            factor = SecondFactor.For(id);
            db.SecondFactors.Add(factor);
        }

        // Showing the page again in this session shows the same key until it is confirmed: the app may already hold it.
        // Any other session gets a new key, so a key someone copied earlier (with a stolen password) is gone.
        if ((factor.PendingKey is { } pending ? authenticator.UnprotectPending(pending, request.CurrentSessionId) : null) is not { } key)
        {
            if (!await db.Sessions.AnyAsync(s => s.Id == request.CurrentSessionId && s.AccountId == id && s.EndedUtc == null, cancellationToken))
            {
                return Error.Forbidden;
            }

            key = Authenticator.NewKey();
            factor.StartAuthenticatorSetUp(authenticator.ProtectPending(key, request.CurrentSessionId));
            await db.SaveChangesAsync(cancellationToken);
        }

        var uri = Authenticator.Uri(email.Value.FromName, account.Email, key);
        return new AuthenticatorSetUp(Authenticator.Grouped(key), Authenticator.QrCodeDataUri(uri));
    }
}
