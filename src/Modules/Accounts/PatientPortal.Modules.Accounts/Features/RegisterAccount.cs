namespace PatientPortal.Modules.Accounts.Features;

internal sealed class RegisterAccountValidator : AbstractValidator<RegisterAccount>
{
    public RegisterAccountValidator(PasswordPolicy passwords, ClinicCalendar calendar)
    {
        RuleFor(r => r.Email).MustBeAnEmail();
        RuleFor(r => r.ConfirmEmail).Must((r, confirm) => EmailAddress.Same(r.Email, confirm))
            .WithErrorCode(AccountErrors.EmailsDoNotMatch);
        RuleFor(r => r.Password).MustBeAStrongPassword(passwords);
        RuleFor(r => r.ConfirmPassword).Equal(r => r.Password).WithErrorCode(AccountErrors.PasswordsDoNotMatch);
        RuleFor(r => r.FirstName).NotEmpty().MaximumLength(100);
        RuleFor(r => r.LastName).NotEmpty().MaximumLength(100);
        RuleFor(r => r.DateOfBirth).NotNull();
        When(r => r.DateOfBirth is not null, () => RuleFor(r => r.DateOfBirth!.Value)
            .Cascade(CascadeMode.Stop)
            .Must(d => d <= calendar.Today && d > calendar.Today.AddYears(-130)).WithErrorCode(AccountErrors.DateOfBirthInvalid)
            .Must(d => calendar.HasReachedAgeOfConsent(d)).WithErrorCode(AccountErrors.UnderAgeOfConsent)
            .OverridePropertyName(nameof(RegisterAccount.DateOfBirth)));
        RuleFor(r => r.HealthInsuranceNumber).MustBeAHealthInsuranceNumber();
        RuleFor(r => r.PrimaryPhone).NotEmpty();
        RuleFor(r => r.PrimaryPhone).MustBeAPhone();
        RuleFor(r => r.SecondaryPhone).MustBeAPhone().When(r => !string.IsNullOrWhiteSpace(r.SecondaryPhone));
        RuleFor(r => r.SecondaryPhoneType).NotNull().When(r => !string.IsNullOrWhiteSpace(r.SecondaryPhone));
        RuleFor(r => r.Language).MustBeALanguage();
    }
}

internal sealed class RegisterAccountHandler(
    AccountsDbContext db,
    ICurrentAccount caller,
    Pepper pepper,
    Credentials credentials,
    AccountMail mail,
    IOptions<AccountsOptions> options,
    TimeProvider clock) : IRequestHandler<RegisterAccount, Result<Guid>>
{
    // Two registrations of one address at once (a double submit, a script): the loser reads again and starts the
    // registration over like any later one, never "address taken" for an address nobody activated. Each conflict means
    // another registration committed, so a try per contender is enough. The password is hashed once, outside the tries.
    private const int Tries = 20;

    public Task<Result<Guid>> Handle(RegisterAccount request, CancellationToken cancellationToken)
    {
        var passwordHash = credentials.Hash(request.Password);
        return ConcurrencyRetry.RunAsync(db, () => AttemptAsync(request, passwordHash, cancellationToken), Tries);
    }

    private async Task<Result<Guid>> AttemptAsync(RegisterAccount request, string passwordHash, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var normalized = Account.Normalize(request.Email);
        var existing = await UnclaimedAccounts.HolderAsync(db, normalized, options.Value.ActivationLinkLifetime, now, cancellationToken);
        if (existing is { IsUnclaimedRegistration: false })
        {
            return new Error(AccountErrors.EmailTaken, nameof(request.Email));
        }

        var details = new AccountDetails(
            request.FirstName,
            request.LastName,
            request.DateOfBirth!.Value,
            AccountRules.NormalizeHealthInsuranceNumber(request.HealthInsuranceNumber) is { Length: > 0 } hin ? hin : null,
            request.PrimaryPhone.Trim(),
            request.PrimaryPhoneType.ToString(),
            string.IsNullOrWhiteSpace(request.SecondaryPhone) ? null : request.SecondaryPhone.Trim(),
            string.IsNullOrWhiteSpace(request.SecondaryPhone) ? null : request.SecondaryPhoneType?.ToString());
        var account = existing ?? Account.Register(Guid.CreateVersion7(), request.Email, passwordHash, details, AccountRules.Culture(request.Language), Roles.Patient, now);
        if (existing is null)
        {
            db.Accounts.Add(account);
        }
        else
        {
            existing.RestartRegistration(passwordHash, details, AccountRules.Culture(request.Language), now);
        }

        await ActivationMail.SendAsync(db, mail, account, Throttle.SourceKey(pepper, caller.Source), options.Value.ActivationLinkLifetime, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return account.Id;
    }
}
