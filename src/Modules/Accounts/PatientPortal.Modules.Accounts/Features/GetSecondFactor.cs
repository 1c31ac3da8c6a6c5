namespace PatientPortal.Modules.Accounts.Features;

internal sealed class GetSecondFactorHandler(AccountsDbContext db, ICurrentAccount current, TimeProvider clock)
    : IRequestHandler<GetSecondFactor, Result<SecondFactorView>>
{
    public async Task<Result<SecondFactorView>> Handle(GetSecondFactor request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } id)
        {
            return Error.Forbidden;
        }

        var now = clock.GetUtcNow();
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == id, cancellationToken);
        var kind = await db.SecondFactors.AsNoTracking().Where(f => f.AccountId == id).Select(f => (SecondFactorKind?)f.Kind).SingleOrDefaultAsync(cancellationToken) ?? SecondFactorKind.None;
        var left = kind == SecondFactorKind.None ? 0 : await db.RecoveryCodes.CountAsync(r => r.AccountId == id && r.UsedUtc == null, cancellationToken);
        var browsers = await db.TrustedBrowsers.AsNoTracking()
            .Where(b => b.AccountId == id && b.RevokedUtc == null && b.SecurityStamp == account.SecurityStamp)
            .ToListAsync(cancellationToken);
        var method = kind switch
        {
            SecondFactorKind.Authenticator => SecondFactorMethods.Authenticator,
            SecondFactorKind.Email => SecondFactorMethods.Email,
            _ => null,
        };
        return new SecondFactorView(method, SignInSteps.MustUseAuthenticator(account), left,
            browsers.Where(b => b.ExpiresUtc > now).OrderByDescending(b => b.CreatedUtc)
                .Select(b => new TrustedBrowserView(b.Id, b.UserAgent, b.CreatedUtc, b.ExpiresUtc)).ToList());
    }
}
