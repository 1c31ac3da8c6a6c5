namespace PatientPortal.Modules.Accounts.Features;

internal sealed class InvitePatientValidator : AbstractValidator<InvitePatient>
{
    public InvitePatientValidator(ClinicCalendar calendar)
    {
        RuleFor(r => r.Email).MustBeAnEmail();
        RuleFor(r => r.FirstName).NotEmpty().MaximumLength(100);
        RuleFor(r => r.LastName).NotEmpty().MaximumLength(100);
        // An account of one's own starts at the age of consent; a younger child's profile is attached to a parent's account.
        RuleFor(r => r.DateOfBirth).Cascade(CascadeMode.Stop)
            .Must(d => d <= calendar.Today && d > calendar.Today.AddYears(-130)).WithErrorCode(AccountErrors.DateOfBirthInvalid)
            .Must(d => calendar.HasReachedAgeOfConsent(d)).WithErrorCode(AccountErrors.InviteeUnderAgeOfConsent);
        RuleFor(r => r.HealthCardNumber).MustBeAHealthInsuranceNumber();
        RuleFor(r => r.ClinicPatientId).MaximumLength(50);
        RuleFor(r => r.Language).MustBeALanguage();
    }
}

internal sealed class InvitePatientHandler(AccountsDbContext db, ICurrentAccount current, InvitationMail invitations, IOptions<AccountsOptions> options, TimeProvider clock)
    : IRequestHandler<InvitePatient, Result<InvitationSent>>
{
    public async Task<Result<InvitationSent>> Handle(InvitePatient request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        // A registration nobody activated in time no longer holds the address: it is removed in this save.
        var normalized = Account.Normalize(request.Email);
        if (await UnclaimedAccounts.HolderAsync(db, normalized, options.Value.ActivationLinkLifetime, clock.GetUtcNow(), cancellationToken) is not null)
        {
            return new Error(AccountErrors.EmailTaken, nameof(request.Email));
        }

        var card = AccountRules.NormalizeHealthInsuranceNumber(request.HealthCardNumber);
        var details = new AccountDetails(request.FirstName, request.LastName, request.DateOfBirth,
            ClinicPatientId: string.IsNullOrWhiteSpace(request.ClinicPatientId) ? null : request.ClinicPatientId.Trim(), ProfileId: request.ProfileId);
        var invitation = Invitation.Create(current.AccountId!.Value, request.Email, details, card.Length > 0 ? card : null,
            AccountRules.Culture(request.Language), options.Value.QuebecInvitations);
        db.Invitations.Add(invitation);
        var code = invitations.Send(db, invitation);
        await db.SaveChangesAsync(cancellationToken);
        return new InvitationSent(invitation.Id, code);
    }
}
