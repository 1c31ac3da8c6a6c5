namespace PatientPortal.Modules.Accounts.Features;

internal sealed class CreateStaffAccountValidator : AbstractValidator<CreateStaffAccount>
{
    public CreateStaffAccountValidator()
    {
        RuleFor(r => r.Email).MustBeAnEmail();
        RuleFor(r => r.FirstName).NotEmpty().MaximumLength(100);
        RuleFor(r => r.LastName).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Role).Must(r => r is Roles.Staff or Roles.Admin).WithErrorCode(AccountErrors.RoleInvalid);
        RuleFor(r => r.Language).MustBeALanguage();
    }
}

/// <summary>
/// Only an admin adds staff. The account is active at once with an unusable random password; the welcome email's
/// link (a password-reset token that lasts as long as an activation link) lets the staff member choose theirs.
/// </summary>
internal sealed class CreateStaffAccountHandler(
    AccountsDbContext db, ICurrentAccount current, Credentials credentials, AccountMail mail, IOptions<AccountsOptions> options, TimeProvider clock)
    : IRequestHandler<CreateStaffAccount, Result<Guid>>
{
    public async Task<Result<Guid>> Handle(CreateStaffAccount request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.AllowsAdmin(current))
        {
            return Error.Forbidden;
        }

        var now = clock.GetUtcNow();
        var normalized = Account.Normalize(request.Email);
        if (await UnclaimedAccounts.HolderAsync(db, normalized, options.Value.ActivationLinkLifetime, now, cancellationToken) is not null)
        {
            return new Error(AccountErrors.EmailTaken, nameof(request.Email));
        }

        var account = Account.Register(Guid.CreateVersion7(), request.Email, credentials.Hash(Secrets.NewToken()),
            new AccountDetails(request.FirstName, request.LastName, DateOnly.MinValue), AccountRules.Culture(request.Language), request.Role, now);
        account.ActivateStaff(now);
        db.Accounts.Add(account);
        var token = Secrets.NewToken();
        db.Tokens.Add(AccountToken.Issue(account, TokenPurpose.PasswordReset, Secrets.Hash(token), options.Value.ActivationLinkLifetime, now));
        mail.Queue(db, account.Email, account.Language, "StaffWelcome", ("Name", account.FirstName), ("Link", mail.Link(AccountLink.StaffPassword, token)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return new Error(AccountErrors.EmailTaken, nameof(request.Email));
        }

        return account.Id;
    }
}
