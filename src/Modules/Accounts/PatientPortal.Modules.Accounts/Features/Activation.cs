using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientPortal.BuildingBlocks.Outbox;
using PatientPortal.BuildingBlocks.Persistence;
using PatientPortal.BuildingBlocks.Results;
using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Accounts.Data;
using PatientPortal.Modules.Accounts.Domain;
using PatientPortal.Modules.Accounts.Security;

namespace PatientPortal.Modules.Accounts.Features;

internal sealed class GetActivationHandler(AccountsDbContext db, IOptions<AccountsOptions> options, TimeProvider clock)
    : IRequestHandler<GetActivation, Result<ActivationView>>
{
    public async Task<Result<ActivationView>> Handle(GetActivation request, CancellationToken cancellationToken)
    {
        var found = await UsableToken.FindAsync(db, request.Token, TokenPurpose.Activation, clock.GetUtcNow(), cancellationToken);
        return found is null || found.Value.Account.IsActive
            ? new Error("Accounts.ActivationLinkInvalid")
            : new ActivationView(found.Value.Account.Email, options.Value.TermsVersion);
    }
}

internal sealed class AcceptTermsAndActivateHandler(AccountsDbContext db, AccountMail mail, IOptions<AccountsOptions> options, TimeProvider clock)
    : IRequestHandler<AcceptTermsAndActivate, Result<SignedIn>>
{
    // A double click: the second submit re-reads and finds the link used, instead of failing on the version.
    public Task<Result<SignedIn>> Handle(AcceptTermsAndActivate request, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, () => AttemptAsync(request, cancellationToken));

    private async Task<Result<SignedIn>> AttemptAsync(AcceptTermsAndActivate request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (request.TermsVersion != options.Value.TermsVersion)
        {
            return new Error("Accounts.TermsChanged");
        }

        // Once active, the account opens only with its password: an older activation link must not sign anyone in.
        if (await UsableToken.FindAsync(db, request.Token, TokenPurpose.Activation, now, cancellationToken) is not (var token, var account) || account.IsActive)
        {
            return new Error("Accounts.ActivationLinkInvalid");
        }

        account.Activate(request.TermsVersion, now);
        token.Use(now);
        var session = Session.Start(account.Id, request.UserAgent, now);
        db.Sessions.Add(session);
        db.Publish(account.Registered(), clock);
        mail.Queue(db, account.Email, account.Language, "AccountActivated", ("Name", account.FirstName));

        await db.SaveChangesAsync(cancellationToken);
        return SessionResult.For(account, session);
    }
}

internal sealed class ResendActivationHandler(AccountsDbContext db, Credentials credentials, AccountMail mail, IOptions<AccountsOptions> options, TimeProvider clock)
    : IRequestHandler<ResendActivation, Result>
{
    // A wrong password counts toward the lockout even when parallel tries race: conflicts are retried on fresh data.
    public Task<Result> Handle(ResendActivation request, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, () => AttemptAsync(request, cancellationToken));

    private async Task<Result> AttemptAsync(ResendActivation request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var normalized = Account.Normalize(request.Email ?? "");
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.NormalizedEmail == normalized, cancellationToken);
        var matches = credentials.Verify(account, account?.PasswordHash, request.Password ?? "").Matches;

        // A password check like any sign-in: it counts toward the lockout and says nothing more than a sign-in would.
        if (account is null || account.IsLocked(now) || account.IsActive)
        {
            return new Error("Accounts.InvalidCredentials");
        }

        if (!matches)
        {
            account.RecordFailedSignIn(options.Value.MaxFailedSignIns, options.Value.LockoutDuration, now);
            await db.SaveChangesAsync(cancellationToken);
            return new Error("Accounts.InvalidCredentials");
        }

        ActivationMail.Send(db, mail, account, options.Value.ActivationLinkLifetime, now);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}

/// <summary>Finds the account behind an emailed link, only while the link is unused, unexpired and its stamp current.</summary>
internal static class UsableToken
{
    public static async Task<(AccountToken Token, Account Account)?> FindAsync(
        AccountsDbContext db, string? token, TokenPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Secrets.Hash(token);
        var found = await db.Tokens.SingleOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == purpose, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var account = await db.Accounts.SingleAsync(a => a.Id == found.AccountId, cancellationToken);
        return found.IsUsable(account, now) ? (found, account) : null;
    }
}

internal static class SessionResult
{
    public static SignedIn For(Account account, Session session) =>
        new(account.Id, session.Id, account.Email, account.DisplayName, account.Role, account.Language);
}
