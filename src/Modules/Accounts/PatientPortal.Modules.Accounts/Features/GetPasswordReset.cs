namespace PatientPortal.Modules.Accounts.Features;

internal sealed class GetPasswordResetHandler(AccountsDbContext db, TimeProvider clock) : IRequestHandler<GetPasswordReset, Result<PasswordResetView>>
{
    public async Task<Result<PasswordResetView>> Handle(GetPasswordReset request, CancellationToken cancellationToken) =>
        await UsableToken.FindAsync(db, request.Token, TokenPurpose.PasswordReset, clock.GetUtcNow(), cancellationToken) is (_, var account)
            ? new PasswordResetView(account.RecoveryPinHash is not null) { RequiresSecondFactor = await SecondFactorProof.NeededForResetAsync(db, account.Id, cancellationToken) }
            : new Error(AccountErrors.ResetLinkInvalid);
}
