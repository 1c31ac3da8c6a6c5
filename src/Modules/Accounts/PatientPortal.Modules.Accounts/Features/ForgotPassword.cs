namespace PatientPortal.Modules.Accounts.Features;

internal sealed class ForgotPasswordValidator : AbstractValidator<ForgotPassword>
{
    public ForgotPasswordValidator() => RuleFor(r => r.Email).MustBeAnEmail();
}

/// <summary>Always succeeds: whether the account exists shows only in the inbox of its owner.</summary>
internal sealed class ForgotPasswordHandler(AccountsDbContext db, AccountMail mail, IOptions<AccountsOptions> options, TimeProvider clock)
    : IRequestHandler<ForgotPassword, Result>
{
    public async Task<Result> Handle(ForgotPassword request, CancellationToken cancellationToken)
    {
        var normalized = Account.Normalize(request.Email);
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.NormalizedEmail == normalized, cancellationToken);
        if (account is { IsActive: true })
        {
            var token = Secrets.NewToken();
            db.Tokens.Add(AccountToken.Issue(account, TokenPurpose.PasswordReset, Secrets.Hash(token), options.Value.PasswordResetLinkLifetime, clock.GetUtcNow()));
            mail.Queue(db, account.Email, account.Language, "ResetPassword", ("Name", account.FirstName), ("Link", mail.Link(AccountLink.PasswordReset, token)));
            await db.SaveChangesAsync(cancellationToken);
        }

        return Result.Success();
    }
}
