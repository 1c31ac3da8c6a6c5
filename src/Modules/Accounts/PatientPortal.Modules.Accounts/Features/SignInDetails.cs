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

internal sealed class GetSignInDetailsHandler(AccountsDbContext db, ICurrentAccount current, TimeProvider clock)
    : IRequestHandler<GetSignInDetails, Result<SignInDetails>>
{
    public async Task<Result<SignInDetails>> Handle(GetSignInDetails request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } id)
        {
            return Error.Forbidden;
        }

        var now = clock.GetUtcNow();
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == id, cancellationToken);
        var pending = await db.Tokens.AsNoTracking()
            .Where(t => t.AccountId == id && t.Purpose == TokenPurpose.EmailChange && t.UsedUtc == null && t.ExpiresUtc > now && t.SecurityStamp == account.SecurityStamp)
            .OrderByDescending(t => t.CreatedUtc)
            .Select(t => t.NewEmail)
            .FirstOrDefaultAsync(cancellationToken);
        return new SignInDetails(account.Email, account.PasswordChangedUtc, pending);
    }
}

internal sealed class ChangePasswordValidator : AbstractValidator<ChangePassword>
{
    public ChangePasswordValidator(PasswordPolicy passwords)
    {
        RuleFor(r => r.OldPassword).NotEmpty();
        RuleFor(r => r.NewPassword).MustBeAStrongPassword(passwords);
        RuleFor(r => r.ConfirmPassword).Equal(r => r.NewPassword).WithErrorCode("Accounts.PasswordsDoNotMatch");
    }
}

internal sealed class ChangePasswordHandler(
    AccountsDbContext db, ICurrentAccount current, Credentials credentials, AccountMail mail, IOptions<AccountsOptions> options, TimeProvider clock)
    : IRequestHandler<ChangePassword, Result>
{
    // A wrong password counts toward the lockout even when parallel tries race: conflicts are retried on fresh data.
    public Task<Result> Handle(ChangePassword request, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, () => AttemptAsync(request, cancellationToken));

    private async Task<Result> AttemptAsync(ChangePassword request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } id)
        {
            return Error.Forbidden;
        }

        var now = clock.GetUtcNow();
        var account = await db.Accounts.SingleAsync(a => a.Id == id, cancellationToken);
        if (await CurrentPassword.RefuseAsync(db, account, credentials, request.OldPassword, options.Value, now, cancellationToken) is { } refused)
        {
            return refused with { Key = refused.Key == CurrentPassword.Wrong ? "Accounts.OldPasswordWrong" : refused.Key, Field = nameof(request.OldPassword) };
        }

        account.ChangePassword(credentials.Hash(request.NewPassword), now);
        await Sessions.EndAllAsync(db, id, except: request.CurrentSessionId, now, cancellationToken);
        mail.Queue(db, account.Email, account.Language, "PasswordChanged", ("Name", account.FirstName));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}

internal sealed class RequestEmailChangeValidator : AbstractValidator<RequestEmailChange>
{
    public RequestEmailChangeValidator()
    {
        RuleFor(r => r.Password).NotEmpty();
        RuleFor(r => r.NewEmail).MustBeAnEmail();
        RuleFor(r => r.ConfirmEmail).Must((r, confirm) => string.Equals(r.NewEmail?.Trim(), confirm?.Trim(), StringComparison.OrdinalIgnoreCase))
            .WithErrorCode("Accounts.EmailsDoNotMatch");
    }
}

/// <summary>Re-authenticates, then proves both addresses: a code to the old one, a link to the new one.</summary>
internal sealed class RequestEmailChangeHandler(
    AccountsDbContext db, ICurrentAccount current, Credentials credentials, AccountMail mail, IOptions<AccountsOptions> options, TimeProvider clock)
    : IRequestHandler<RequestEmailChange, Result>
{
    // A wrong password counts toward the lockout even when parallel tries race: conflicts are retried on fresh data.
    public Task<Result> Handle(RequestEmailChange request, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, () => AttemptAsync(request, cancellationToken));

    private async Task<Result> AttemptAsync(RequestEmailChange request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } id)
        {
            return Error.Forbidden;
        }

        var account = await db.Accounts.SingleAsync(a => a.Id == id, cancellationToken);
        if (await CurrentPassword.RefuseAsync(db, account, credentials, request.Password, options.Value, clock.GetUtcNow(), cancellationToken) is { } refused)
        {
            return refused with { Field = nameof(request.Password) };
        }

        var normalized = Account.Normalize(request.NewEmail);
        if (normalized == account.NormalizedEmail)
        {
            return new Error("Accounts.EmailUnchanged", nameof(request.NewEmail));
        }

        var now = clock.GetUtcNow();
        if (await db.Accounts.AnyAsync(a => a.NormalizedEmail == normalized, cancellationToken))
        {
            // Same answer as for a free address, so the form cannot probe who has an account; the owner of the
            // address is told, and the change can never complete.
            mail.Queue(db, request.NewEmail.Trim(), account.Language, "EmailChangeRefused", ("Name", account.FirstName));
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        }

        var token = Secrets.NewToken();
        var code = Secrets.NewCode();
        db.Tokens.Add(AccountToken.Issue(
            account, TokenPurpose.EmailChange, Secrets.Hash(token), options.Value.EmailChangeLifetime, now, request.NewEmail.Trim(), Secrets.HashCode(account.Id, code)));
        mail.Queue(db, account.Email, account.Language, "EmailChangeCode", ("Name", account.FirstName), ("Code", code));
        mail.Queue(db, request.NewEmail.Trim(), account.Language, "EmailChangeLink", ("Name", account.FirstName), ("Link", mail.Link("/confirm-email", token)));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}

internal sealed class ConfirmEmailChangeHandler(AccountsDbContext db, AccountMail mail, IOptions<AccountsOptions> options, TimeProvider clock)
    : IRequestHandler<ConfirmEmailChange, Result>
{
    // Parallel tries on one link are serialized by the account's version: each wrong code counts, one right code wins.
    public Task<Result> Handle(ConfirmEmailChange request, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, () => AttemptAsync(request, cancellationToken));

    private async Task<Result> AttemptAsync(ConfirmEmailChange request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await UsableToken.FindAsync(db, request.Token, TokenPurpose.EmailChange, now, cancellationToken) is not (var token, var account))
        {
            return new Error("Accounts.EmailChangeLinkInvalid");
        }

        if (account.IsLocked(now))
        {
            return new Error("Accounts.TooManyAttempts");
        }

        if (Account.Normalize(request.Email ?? "") != Account.Normalize(token.NewEmail!) || !Secrets.CodeMatches(account.Id, request.Code, token.CodeHash!))
        {
            var spent = token.RecordWrongAnswer(account, options.Value.MaxFailedSignIns, options.Value.LockoutDuration, now);
            await db.SaveChangesAsync(cancellationToken);
            return new Error(spent ? "Accounts.EmailChangeLinkInvalid" : "Accounts.WrongCode", nameof(request.Code));
        }

        var oldEmail = account.Email;
        account.ChangeEmail(token.NewEmail!);
        token.Use(now);
        mail.Queue(db, oldEmail, account.Language, "EmailChanged", ("Name", account.FirstName), ("NewEmail", account.Email));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return new Error("Accounts.EmailTaken", nameof(request.Email));
        }

        return Result.Success();
    }
}

/// <summary>
/// Re-authentication on the change forms. A wrong current password counts toward the same lockout as a sign-in, so a
/// stolen session cannot be used to guess the password; a locked account is refused even the right one.
/// </summary>
internal static class CurrentPassword
{
    public const string Wrong = "Accounts.PasswordWrong";

    public static async Task<Error?> RefuseAsync(
        AccountsDbContext db, Account account, Credentials credentials, string? password, AccountsOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var matches = credentials.Verify(account, account.PasswordHash, password ?? "").Matches;
        if (account.IsLocked(now))
        {
            return new Error("Accounts.TooManyAttempts");
        }

        if (matches)
        {
            return null;
        }

        var locked = account.RecordFailedSignIn(options.MaxFailedSignIns, options.LockoutDuration, now);
        await db.SaveChangesAsync(cancellationToken);
        return new Error(locked ? "Accounts.TooManyAttempts" : Wrong);
    }
}
