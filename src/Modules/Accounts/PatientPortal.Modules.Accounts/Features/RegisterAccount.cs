namespace PatientPortal.Modules.Accounts.Features;

internal sealed class RegisterAccountValidator : AbstractValidator<RegisterAccount>
{
    public RegisterAccountValidator(PasswordPolicy passwords, IOptions<AccountsOptions> options, ClinicCalendar calendar)
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
            .Must(d => calendar.Age(d) >= options.Value.AgeOfConsent).WithErrorCode(AccountErrors.UnderAgeOfConsent)
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
    Credentials credentials,
    AccountMail mail,
    IOptions<AccountsOptions> options,
    TimeProvider clock) : IRequestHandler<RegisterAccount, Result<Guid>>
{
    public async Task<Result<Guid>> Handle(RegisterAccount request, CancellationToken cancellationToken)
    {
        var normalized = Account.Normalize(request.Email);
        var existing = await db.Accounts.SingleOrDefaultAsync(a => a.NormalizedEmail == normalized, cancellationToken);
        if (existing is { IsUnclaimedRegistration: false })
        {
            return new Error(AccountErrors.EmailTaken, nameof(request.Email));
        }

        var now = clock.GetUtcNow();
        var details = new AccountDetails(
            request.FirstName,
            request.LastName,
            request.DateOfBirth!.Value,
            AccountRules.NormalizeHealthInsuranceNumber(request.HealthInsuranceNumber) is { Length: > 0 } hin ? hin : null,
            request.PrimaryPhone.Trim(),
            request.PrimaryPhoneType.ToString(),
            string.IsNullOrWhiteSpace(request.SecondaryPhone) ? null : request.SecondaryPhone.Trim(),
            string.IsNullOrWhiteSpace(request.SecondaryPhone) ? null : request.SecondaryPhoneType?.ToString());
        var account = existing ?? Account.Register(Guid.CreateVersion7(), request.Email, credentials.Hash(request.Password), details, AccountRules.Culture(request.Language), Roles.Patient, now);
        if (existing is null)
        {
            db.Accounts.Add(account);
        }
        else
        {
            existing.RestartRegistration(credentials.Hash(request.Password), details, AccountRules.Culture(request.Language), now);
        }

        await ActivationMail.SendAsync(db, mail, account, Throttle.SourceKey(caller.Source), options.Value.ActivationLinkLifetime, now, cancellationToken);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex) || ex is DbUpdateConcurrencyException)
        {
            // Two registrations raced for one address: the unique index (or the version) let exactly one through.
            return new Error(AccountErrors.EmailTaken, nameof(request.Email));
        }

        return account.Id;
    }
}
