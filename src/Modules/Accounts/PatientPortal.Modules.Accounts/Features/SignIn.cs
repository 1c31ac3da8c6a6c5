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

internal sealed class SignInHandler(AccountsDbContext db, Credentials credentials, IOptions<AccountsOptions> options, TimeProvider clock)
    : IRequestHandler<SignIn, Result<SignedIn>>
{
    private static readonly Error InvalidCredentials = new("Accounts.InvalidCredentials");

    // Parallel attempts on one account must each count: a conflicting write is retried on fresh data.
    public Task<Result<SignedIn>> Handle(SignIn request, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, () => AttemptAsync(request, cancellationToken));

    private async Task<Result<SignedIn>> AttemptAsync(SignIn request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var normalized = Account.Normalize(request.Email ?? "");
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.NormalizedEmail == normalized, cancellationToken);

        // The password is checked in every case (a decoy hash for unknown emails), so time tells nothing either.
        var (matches, rehash) = credentials.Verify(account, account?.PasswordHash, request.Password ?? "");
        if (account is null)
        {
            return InvalidCredentials;
        }

        if (account.IsLocked(now))
        {
            return InvalidCredentials;
        }

        if (!matches)
        {
            account.RecordFailedSignIn(options.Value.MaxFailedSignIns, options.Value.LockoutDuration, now);
            await db.SaveChangesAsync(cancellationToken);
            return InvalidCredentials;
        }

        if (!account.IsActive)
        {
            return new Error("Accounts.NotActivated");
        }

        account.RecordSuccessfulSignIn();
        if (rehash is not null)
        {
            account.UpgradePasswordHash(rehash);
        }

        var session = Session.Start(account.Id, request.UserAgent, now);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return SessionResult.For(account, session);
    }
}

internal sealed class TouchSessionHandler(AccountsDbContext db, IOptions<AccountsOptions> options, TimeProvider clock)
    : IRequestHandler<TouchSession, Result<SignedIn>>
{
    // Writing "last seen" on every request would be a write per click; a minute's precision is plenty for a 30-minute timeout.
    private static readonly TimeSpan SeenPrecision = TimeSpan.FromMinutes(1);

    public async Task<Result<SignedIn>> Handle(TouchSession request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == request.SessionId, cancellationToken);
        if (session is null || !session.IsAlive(options.Value.IdleTimeout, options.Value.AbsoluteSessionLifetime, now))
        {
            return new Error("Accounts.SessionExpired");
        }

        var account = await db.Accounts.SingleAsync(a => a.Id == session.AccountId, cancellationToken);
        if (!account.IsActive)
        {
            return new Error("Accounts.SessionExpired");
        }

        if (now - session.LastSeenUtc >= SeenPrecision)
        {
            session.Seen(now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return SessionResult.For(account, session);
    }
}

internal sealed class SignOutHandler(AccountsDbContext db, TimeProvider clock) : IRequestHandler<SignOut, Result>
{
    public async Task<Result> Handle(SignOut request, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == request.SessionId, cancellationToken);
        session?.End(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}

internal sealed class SetPreferredLanguageHandler(AccountsDbContext db, ICurrentAccount current) : IRequestHandler<SetPreferredLanguage, Result>
{
    public async Task<Result> Handle(SetPreferredLanguage request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } id)
        {
            return Error.Forbidden;
        }

        var account = await db.Accounts.SingleAsync(a => a.Id == id, cancellationToken);
        account.SetLanguage(AccountRules.Culture(request.Language));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}

/// <summary>Ends sessions of an account: all of them after a reset, all but the current one after a password change.</summary>
internal static class Sessions
{
    public static async Task EndAllAsync(AccountsDbContext db, Guid accountId, Guid? except, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await db.Sessions.Where(s => s.AccountId == accountId && s.EndedUtc == null && s.Id != except).ToListAsync(cancellationToken);
        open.ForEach(s => s.End(now));
    }
}

internal sealed class SignOutOtherSessionsHandler(AccountsDbContext db, ICurrentAccount current, TimeProvider clock) : IRequestHandler<SignOutOtherSessions, Result>
{
    public async Task<Result> Handle(SignOutOtherSessions request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } id)
        {
            return Error.Forbidden;
        }

        await Sessions.EndAllAsync(db, id, except: request.CurrentSessionId, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
