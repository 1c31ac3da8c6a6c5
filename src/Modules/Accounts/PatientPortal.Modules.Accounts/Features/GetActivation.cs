namespace PatientPortal.Modules.Accounts.Features;

internal sealed class GetActivationHandler(AccountsDbContext db, IOptions<AccountsOptions> options, TimeProvider clock)
    : IRequestHandler<GetActivation, Result<ActivationView>>
{
    public async Task<Result<ActivationView>> Handle(GetActivation request, CancellationToken cancellationToken)
    {
        var found = await UsableToken.FindAsync(db, request.Token, TokenPurpose.Activation, clock.GetUtcNow(), cancellationToken);
        return found is null || found.Value.Account.IsActive
            ? new Error(AccountErrors.ActivationLinkInvalid)
            : new ActivationView(found.Value.Account.Email, options.Value.TermsVersion);
    }
}
