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
internal sealed class ForgotPasswordHandler(AccountsDbContext db, ICurrentAccount caller, TimeProvider clock) : IRequestHandler<ForgotPassword, Result>
{
    public async Task<Result> Handle(ForgotPassword request, CancellationToken cancellationToken)
    {
        db.PasswordResetRequests.Add(PasswordResetRequest.For(request.Email, Throttle.SourceKey(caller.Source), clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}

/// <summary>
/// The second half of "Forgot your password?": a reset link for each request whose address is an active account.
/// Each batch commits its links, mail and the removal of its requests together, so a crash redoes it, never half.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class SendPasswordResetsJob(AccountsDbContext db, AccountMail mail, IOptions<AccountsOptions> options, TimeProvider clock) : IJob
{
    private const int BatchSize = 100;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        while (await SendBatchAsync(cancellationToken) == BatchSize)
        {
        }
    }

    /// <returns>How many requests it handled.</returns>
    public async Task<int> SendBatchAsync(CancellationToken cancellationToken)
    {
        var requests = await db.PasswordResetRequests.OrderBy(r => r.RequestedUtc).Take(BatchSize).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var request in requests)
        {
            var normalized = Account.Normalize(request.Email);
            var account = await db.Accounts.SingleOrDefaultAsync(a => a.NormalizedEmail == normalized, cancellationToken);
            if (account is { IsActive: true })
            {
                var token = Secrets.NewToken();
                db.Tokens.Add(AccountToken.Issue(account, TokenPurpose.PasswordReset, Secrets.Hash(token), options.Value.PasswordResetLinkLifetime, now));
                await mail.QueueUnsolicitedAsync(db, account.Email, request.Source, account.Language, "ResetPassword", cancellationToken,
                    ("Name", account.FirstName), ("Link", mail.Link(AccountLink.PasswordReset, token)));
            }

            db.PasswordResetRequests.Remove(request);
        }

        await db.SaveChangesAsync(cancellationToken);
        return requests.Count;
    }
}
