using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientPortal.BuildingBlocks.Identity;
using PatientPortal.BuildingBlocks.Persistence;
using PatientPortal.BuildingBlocks.Results;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Accounts.Data;
using PatientPortal.Modules.Accounts.Domain;
using PatientPortal.Modules.Accounts.Security;

namespace PatientPortal.Modules.Accounts.Features;

internal sealed class InvitePatientValidator : AbstractValidator<InvitePatient>
{
    public InvitePatientValidator(ClinicCalendar calendar, IOptions<AccountsOptions> options)
    {
        RuleFor(r => r.Email).MustBeAnEmail();
        RuleFor(r => r.FirstName).NotEmpty().MaximumLength(100);
        RuleFor(r => r.LastName).NotEmpty().MaximumLength(100);
        // An account of one's own starts at the age of consent; a younger child's profile is attached to a parent's account.
        RuleFor(r => r.DateOfBirth).Cascade(CascadeMode.Stop)
            .Must(d => d <= calendar.Today && d > calendar.Today.AddYears(-130)).WithErrorCode("Accounts.DateOfBirthInvalid")
            .Must(d => calendar.Age(d) >= options.Value.AgeOfConsent).WithErrorCode("Accounts.InviteeUnderAgeOfConsent");
        RuleFor(r => r.HealthCardNumber).MustBeAHealthInsuranceNumber();
        RuleFor(r => r.ClinicPatientId).MaximumLength(50);
        RuleFor(r => r.Language).MustBeALanguage();
    }
}

internal sealed class InvitePatientHandler(AccountsDbContext db, ICurrentAccount current, InvitationMail invitations, IOptions<AccountsOptions> options)
    : IRequestHandler<InvitePatient, Result<InvitationSent>>
{
    public async Task<Result<InvitationSent>> Handle(InvitePatient request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var normalized = Account.Normalize(request.Email);
        if (await db.Accounts.AnyAsync(a => a.NormalizedEmail == normalized, cancellationToken))
        {
            return new Error("Accounts.EmailTaken", nameof(request.Email));
        }

        var card = AccountRules.NormalizeHealthInsuranceNumber(request.HealthCardNumber);
        var details = new AccountDetails(request.FirstName, request.LastName, request.DateOfBirth,
            ClinicPatientId: string.IsNullOrWhiteSpace(request.ClinicPatientId) ? null : request.ClinicPatientId.Trim());
        var invitation = Invitation.Create(current.AccountId!.Value, request.Email, details, card.Length > 0 ? card : null,
            AccountRules.Culture(request.Language), options.Value.QuebecInvitations);
        db.Invitations.Add(invitation);
        var code = invitations.Send(db, invitation);
        await db.SaveChangesAsync(cancellationToken);
        return new InvitationSent(invitation.Id, code);
    }
}

internal sealed class ResendInvitationHandler(AccountsDbContext db, ICurrentAccount current, InvitationMail invitations)
    : IRequestHandler<ResendInvitation, Result<InvitationSent>>
{
    public async Task<Result<InvitationSent>> Handle(ResendInvitation request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == request.InvitationId, cancellationToken);
        if (invitation is null)
        {
            return Error.NotFound;
        }

        if (invitation.UsedUtc is not null)
        {
            return new Error("Accounts.InvitationUsed");
        }

        var code = invitations.Send(db, invitation);
        await db.SaveChangesAsync(cancellationToken);
        return new InvitationSent(invitation.Id, code);
    }
}

internal sealed class ListInvitationsHandler(AccountsDbContext db, ICurrentAccount current, TimeProvider clock)
    : IRequestHandler<ListInvitations, Result<IReadOnlyList<InvitationSummary>>>
{
    public async Task<Result<IReadOnlyList<InvitationSummary>>> Handle(ListInvitations request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var now = clock.GetUtcNow();
        var invitations = await db.Invitations.AsNoTracking().ToListAsync(cancellationToken);
        return invitations
            .OrderByDescending(i => i.SentUtc)
            .Select(i => new InvitationSummary(i.Id, i.Email, i.FirstName, i.LastName, i.State(now), i.SentUtc, i.ExpiresUtc))
            .ToList();
    }
}

internal sealed class GetInvitationHandler(AccountsDbContext db, TimeProvider clock) : IRequestHandler<GetInvitation, Result<InvitationView>>
{
    public async Task<Result<InvitationView>> Handle(GetInvitation request, CancellationToken cancellationToken)
    {
        var invitation = await InvitationLink.FindAsync(db, request.Token, cancellationToken);
        return InvitationLink.Refusal(invitation, clock.GetUtcNow()) is { } refusal
            ? refusal
            : new InvitationView(invitation!.QuebecVariant, invitation.CodeIsDateOfBirth);
    }
}

internal sealed class AcceptInvitationValidator : AbstractValidator<AcceptInvitation>
{
    public AcceptInvitationValidator(PasswordPolicy passwords)
    {
        RuleFor(r => r.Email).MustBeAnEmail();
        RuleFor(r => r.Code).NotEmpty().MaximumLength(20);
        RuleFor(r => r.Password).MustBeAStrongPassword(passwords);
        RuleFor(r => r.ConfirmPassword).Equal(r => r.Password).WithErrorCode("Accounts.PasswordsDoNotMatch");
        RuleFor(r => r.Pin).Matches("^[0-9]{4,6}$").WithErrorCode("Accounts.PinInvalid").When(r => r.Pin is not null);
    }
}

/// <summary>
/// Checks the invitation's email and code (five wrong tries lock it), creates the account with the clinic's details,
/// and returns an activation token: the patient still accepts the Terms and Conditions before the account is active.
/// </summary>
internal sealed class AcceptInvitationHandler(AccountsDbContext db, Credentials credentials, IOptions<AccountsOptions> options, TimeProvider clock)
    : IRequestHandler<AcceptInvitation, Result<string>>
{
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
            return new Error(request.Pin is null ? "Accounts.PinRequired" : "Accounts.PrivacyPolicyRequired", request.Pin is null ? nameof(request.Pin) : nameof(request.AcceptedPrivacyPolicy));
        }

        if (Account.Normalize(request.Email) != invitation.NormalizedEmail || !Secrets.CodeMatches(invitation.Id, request.Code, invitation.CodeHash))
        {
            var locked = invitation.RecordWrongCode(now);
            await db.SaveChangesAsync(cancellationToken);
            return new Error(locked ? "Accounts.InvitationLocked" : "Accounts.InvitationDetailsWrong", nameof(request.Code));
        }

        var account = Account.Register(Guid.CreateVersion7(), invitation.Email, credentials.Hash(request.Password), invitation.Details(), invitation.Language, Roles.Patient, now);
        if (request.Pin is not null)
        {
            account.SetRecoveryPin(credentials.Hash(request.Pin));
        }

        db.Accounts.Add(account);
        invitation.Use(account.Id, now);
        var token = Secrets.NewToken();
        db.Tokens.Add(AccountToken.Issue(account, TokenPurpose.Activation, Secrets.Hash(token), options.Value.ActivationLinkLifetime, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return new Error("Accounts.EmailTaken", nameof(request.Email));
        }

        return token;
    }
}

internal static class InvitationLink
{
    public static async Task<Invitation?> FindAsync(AccountsDbContext db, string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Secrets.Hash(token);
        return await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
    }

    public static Error? Refusal(Invitation? invitation, DateTimeOffset now) => invitation?.State(now) switch
    {
        null => new Error("Accounts.InvitationInvalid"),
        InvitationState.Expired => new Error("Accounts.InvitationExpired"),
        InvitationState.Locked => new Error("Accounts.InvitationLocked"),
        InvitationState.Used => new Error("Accounts.InvitationUsed"),
        _ => null,
    };
}

/// <summary>Issues a fresh link and code for an invitation and queues its email.</summary>
internal sealed class InvitationMail(AccountMail mail, IOptions<AccountsOptions> options, TimeProvider clock)
{
    /// <returns>The random clinic code to show staff, or null in the Quebec variant (the patient knows their code).</returns>
    public string? Send(AccountsDbContext db, Invitation invitation)
    {
        var token = Secrets.NewToken();
        var randomCode = invitation.QuebecVariant ? null : Secrets.NewCode();
        invitation.Send(Secrets.Hash(token), Secrets.HashCode(invitation.Id, invitation.ExpectedCode(randomCode)), options.Value.InvitationLifetime, clock.GetUtcNow());
        var template = invitation.QuebecVariant ? (invitation.CodeIsDateOfBirth ? "InvitationQuebecBirthDate" : "InvitationQuebecCard") : "Invitation";
        mail.Queue(db, invitation.Email, invitation.Language, template,
            ("Name", invitation.FirstName), ("Link", mail.Link("/invitation", token)), ("Code", randomCode ?? ""),
            ("Days", ((int)options.Value.InvitationLifetime.TotalDays).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return randomCode;
    }
}

internal static class StaffOnly
{
    public static bool Allows(ICurrentAccount current) =>
        current.AccountId is not null && (current.IsInRole(Roles.Staff) || current.IsInRole(Roles.Admin));
}
