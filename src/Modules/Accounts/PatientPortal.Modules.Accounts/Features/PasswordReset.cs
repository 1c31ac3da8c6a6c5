using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientPortal.BuildingBlocks.Persistence;
using PatientPortal.BuildingBlocks.Results;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Accounts.Data;
using PatientPortal.Modules.Accounts.Domain;
using PatientPortal.Modules.Accounts.Security;

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
            mail.Queue(db, account.Email, account.Language, "ResetPassword", ("Name", account.FirstName), ("Link", mail.Link("/reset-password", token)));
            await db.SaveChangesAsync(cancellationToken);
        }

        return Result.Success();
    }
}

internal sealed class GetPasswordResetHandler(AccountsDbContext db, TimeProvider clock) : IRequestHandler<GetPasswordReset, Result<PasswordResetView>>
{
    public async Task<Result<PasswordResetView>> Handle(GetPasswordReset request, CancellationToken cancellationToken) =>
        await UsableToken.FindAsync(db, request.Token, TokenPurpose.PasswordReset, clock.GetUtcNow(), cancellationToken) is (_, var account)
            ? new PasswordResetView(account.RecoveryPinHash is not null)
            : new Error("Accounts.ResetLinkInvalid");
}

internal sealed class ResetPasswordValidator : AbstractValidator<ResetPassword>
{
    public ResetPasswordValidator(PasswordPolicy passwords)
    {
        RuleFor(r => r.Email).MustBeAnEmail();
        RuleFor(r => r.Password).MustBeAStrongPassword(passwords);
        RuleFor(r => r.ConfirmPassword).Equal(r => r.Password).WithErrorCode("Accounts.PasswordsDoNotMatch");
    }
}

internal sealed class ResetPasswordHandler(AccountsDbContext db, Credentials credentials, AccountMail mail, IOptions<AccountsOptions> options, TimeProvider clock)
    : IRequestHandler<ResetPassword, Result>
{
    // Two tries racing on one link (or one account) are serialized by the account's version: one wins, the other re-reads.
    public Task<Result> Handle(ResetPassword request, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, () => AttemptAsync(request, cancellationToken));

    private async Task<Result> AttemptAsync(ResetPassword request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await UsableToken.FindAsync(db, request.Token, TokenPurpose.PasswordReset, now, cancellationToken) is not (var token, var account))
        {
            return new Error("Accounts.ResetLinkInvalid");
        }

        if (account.IsLocked(now))
        {
            return new Error("Accounts.TooManyAttempts");
        }

        var pinOk = account.RecoveryPinHash is null || credentials.Verify(account, account.RecoveryPinHash, request.Pin ?? "").Matches;
        if (Account.Normalize(request.Email) != account.NormalizedEmail || !pinOk)
        {
            var spent = token.RecordWrongAnswer(account, options.Value.MaxFailedSignIns, options.Value.LockoutDuration, now);
            await db.SaveChangesAsync(cancellationToken);
            return new Error(spent ? "Accounts.ResetLinkInvalid" : "Accounts.ResetDetailsWrong");
        }

        account.ChangePassword(credentials.Hash(request.Password), now);
        token.Use(now);
        await Sessions.EndAllAsync(db, account.Id, except: null, now, cancellationToken);
        mail.Queue(db, account.Email, account.Language, "PasswordChanged", ("Name", account.FirstName));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
