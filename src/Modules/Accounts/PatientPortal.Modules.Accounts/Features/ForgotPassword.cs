using Microsoft.Extensions.Logging;
using Quartz;

namespace PatientPortal.Modules.Accounts.Features;

internal sealed class ForgotPasswordValidator : AbstractValidator<ForgotPassword>
{
    public ForgotPasswordValidator() => RuleFor(r => r.Email).MustBeAnEmail();
}

/// <summary>
/// Always succeeds, at once: it only records the request, the same write for any address. Whether an account exists
/// shows only in the inbox of its owner, when <see cref="SendPasswordResetsJob"/> mails the link a few seconds later.
/// </summary>
internal sealed class ForgotPasswordHandler(AccountsDbContext db, ICurrentAccount caller, Pepper pepper, TimeProvider clock) : IRequestHandler<ForgotPassword, Result>
{
    public async Task<Result> Handle(ForgotPassword request, CancellationToken cancellationToken)
    {
        db.PasswordResetRequests.Add(PasswordResetRequest.For(request.Email, Throttle.SourceKey(pepper, caller.Source), clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}

/// <summary>
/// The second half of "Forgot your password?": a reset link for each request whose address is an active account.
/// Each request commits its link, mail and removal together, so a crash redoes it, never half, and a request that
/// fails (bad data, say) is dropped and logged on its own without stopping the others. A request that waited more
/// than an hour (the job was down) is dropped: its sender has moved on, and a link out of the blue would only confuse.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class SendPasswordResetsJob(
    AccountsDbContext db, AccountMail mail, IOptions<AccountsOptions> options, TimeProvider clock, ILogger<SendPasswordResetsJob> logger) : IJob
{
    private const int BatchSize = 100;

    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        while (await SendBatchAsync(cancellationToken) == BatchSize)
        {
        }
    }

    /// <returns>How many requests it handled (sent, skipped or dropped).</returns>
    public async Task<int> SendBatchAsync(CancellationToken cancellationToken)
    {
        var requests = await db.PasswordResetRequests.AsNoTracking().OrderBy(r => r.RequestedUtc).Take(BatchSize).ToListAsync(cancellationToken);
        foreach (var request in requests)
        {
            try
            {
                await SendAsync(request, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Never the address (nor the exception's message, which may quote it): the request's id and what failed.
                logger.LogError("Password reset request {RequestId} failed ({Failure}); it is dropped", request.Id, ex.GetType().Name);
                db.ChangeTracker.Clear();
                await db.PasswordResetRequests.Where(r => r.Id == request.Id).ExecuteDeleteAsync(cancellationToken);
            }
        }

        return requests.Count;
    }

    private async Task SendAsync(PasswordResetRequest request, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        db.PasswordResetRequests.Remove(request);
        var normalized = Account.Normalize(request.Email);
        var account = now - request.RequestedUtc > StaleAfter ? null
            : await db.Accounts.SingleOrDefaultAsync(a => a.NormalizedEmail == normalized, cancellationToken);
        if (account is { IsActive: true })
        {
            var token = Secrets.NewToken();
            // Issued only with its mail: past the address's mail limit there is no link to find or to guess.
            if (await mail.QueueUnsolicitedAsync(db, account.Email, request.Source, account.Language, "ResetPassword", cancellationToken,
                    ("Name", account.FirstName), ("Link", mail.Link(AccountLink.PasswordReset, token))))
            {
                db.Tokens.Add(AccountToken.Issue(account, TokenPurpose.PasswordReset, Secrets.Hash(token), options.Value.PasswordResetLinkLifetime, now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
