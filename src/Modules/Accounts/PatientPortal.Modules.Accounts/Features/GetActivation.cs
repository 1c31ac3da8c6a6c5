namespace PatientPortal.Modules.Accounts.Features;

internal sealed class GetActivationHandler(AccountsDbContext db, IOptions<AccountsOptions> options, TimeProvider clock)
    : IRequestHandler<GetActivation, Result<ActivationView>>
{
    public async Task<Result<ActivationView>> Handle(GetActivation request, CancellationToken cancellationToken) =>
        await ActivationToken.FindAsync(db, request.Token, clock.GetUtcNow(), cancellationToken) is (var token, var account)
            ? new ActivationView(account.Email, options.Value.TermsVersion, ActivationToken.NeedsPassword(token))
            : new Error(AccountErrors.ActivationLinkInvalid);
}
