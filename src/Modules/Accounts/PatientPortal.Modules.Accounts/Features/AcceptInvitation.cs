namespace PatientPortal.Modules.Accounts.Features;

internal sealed class AcceptInvitationValidator : AbstractValidator<AcceptInvitation>
{
    public AcceptInvitationValidator(PasswordPolicy passwords)
    {
        RuleFor(r => r.Email).MustBeAnEmail();
        RuleFor(r => r.Code).NotEmpty().MaximumLength(20);
        RuleFor(r => r.Password).MustBeAStrongPassword(passwords);
        RuleFor(r => r.ConfirmPassword).Equal(r => r.Password).WithErrorCode(AccountErrors.PasswordsDoNotMatch);
        RuleFor(r => r.Pin).Matches("^[0-9]{4,6}$").WithErrorCode(AccountErrors.PinInvalid).When(r => r.Pin is not null);
    }
}

/// <summary>
/// Checks the invitation's email and code (five wrong tries lock it), creates the account with the clinic's details,
/// and returns an activation token: the patient still accepts the Terms and Conditions before the account is active.
/// </summary>
internal sealed class AcceptInvitationHandler(AccountsDbContext db, Credentials credentials, IOptions<AccountsOptions> options, TimeProvider clock)
    : IRequestHandler<AcceptInvitation, Result<string>>
{
    private static readonly TimeSpan InvitationTermsLifetime = TimeSpan.FromMinutes(30);

    // Parallel guesses are serialized by the invitation's version: every wrong code counts toward the lock.
    public Task<Result<string>> Handle(AcceptInvitation request, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, () => AttemptAsync(request, cancellationToken));

    private async Task<Result<string>> AttemptAsync(AcceptInvitation request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var invitation = await InvitationLink.FindAsync(db, request.Token, cancellationToken);
        if (InvitationLink.Refusal(invitation, now) is { } refusal)
        {
            return refusal;
        }

        // The form's own requirements first: an answer that depends on the code must never come before the code is counted.
        if (invitation!.QuebecVariant && (request.Pin is null || !request.AcceptedPrivacyPolicy))
        {
            return new Error(request.Pin is null ? AccountErrors.PinRequired : AccountErrors.PrivacyPolicyRequired, request.Pin is null ? nameof(request.Pin) : nameof(request.AcceptedPrivacyPolicy));
        }

        if (Account.Normalize(request.Email) != invitation.NormalizedEmail || !Secrets.CodeMatches(invitation.Id, request.Code, invitation.CodeHash))
        {
            var locked = invitation.RecordWrongCode(now);
            await db.SaveChangesAsync(cancellationToken);
            return new Error(locked ? AccountErrors.InvitationLocked : AccountErrors.InvitationDetailsWrong, nameof(request.Code));
        }

        // A registration of this address that nobody activated in time gives way to the clinic's invitation.
        if (await UnclaimedAccounts.HolderAsync(db, invitation.NormalizedEmail, options.Value.ActivationLinkLifetime, now, cancellationToken) is not null)
        {
            return new Error(AccountErrors.EmailTaken, nameof(request.Email));
        }

        var account = Account.Register(Guid.CreateVersion7(), invitation.Email, credentials.Hash(request.Password), invitation.Details(), invitation.Language, Roles.Patient, now);
        if (request.Pin is not null)
        {
            account.SetRecoveryPin(credentials.Hash(request.Pin));
        }

        db.Accounts.Add(account);
        invitation.Use(account.Id, now);
        var token = Secrets.NewToken();
        // It opens the terms without a password, in this browser, right now: it lasts minutes, not days, in case the page is
        // left on a shared computer. Later, "send a new activation email" (with the password) takes over.
        db.Tokens.Add(AccountToken.Issue(account, TokenPurpose.InvitationAccepted, Secrets.Hash(token), InvitationTermsLifetime, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return new Error(AccountErrors.EmailTaken, nameof(request.Email));
        }

        return token;
    }
}
