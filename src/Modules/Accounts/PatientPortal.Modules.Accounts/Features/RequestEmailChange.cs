namespace PatientPortal.Modules.Accounts.Features;

internal sealed class RequestEmailChangeValidator : AbstractValidator<RequestEmailChange>
{
    public RequestEmailChangeValidator()
    {
        RuleFor(r => r.Password).NotEmpty();
        RuleFor(r => r.NewEmail).MustBeAnEmail();
        RuleFor(r => r.ConfirmEmail).Must((r, confirm) => EmailAddress.Same(r.NewEmail, confirm))
            .WithErrorCode(AccountErrors.EmailsDoNotMatch);
    }
}

/// <summary>Re-authenticates, then proves both addresses: a code to the old one, a link to the new one.</summary>
internal sealed class RequestEmailChangeHandler(
    AccountsDbContext db, ICurrentAccount current, Pepper pepper, CurrentPassword currentPassword, AccountMail mail, IOptions<AccountsOptions> options, TimeProvider clock)
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
        if (await currentPassword.CheckAsync(account, request.Password, cancellationToken) is { } refused)
        {
            await db.SaveChangesAsync(cancellationToken);
            return refused with { Field = nameof(request.Password) };
        }

        var newEmail = Account.Canonical(request.NewEmail);
        var normalized = Account.Normalize(newEmail);
        if (normalized == account.NormalizedEmail)
        {
            return new Error(AccountErrors.EmailUnchanged, nameof(request.NewEmail));
        }

        var now = clock.GetUtcNow();
        if (await db.Accounts.AnyAsync(a => a.NormalizedEmail == normalized, cancellationToken))
        {
            // Same answer as for a free address, so the form cannot probe who has an account; the owner of the
            // address is told, and the change can never complete.
            await mail.QueueUnsolicitedAsync(db, newEmail, Throttle.SourceKey(pepper, current.Source), account.Language, "EmailChangeRefused", cancellationToken, ("Name", account.FirstName));
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        }

        var token = Secrets.NewToken();
        var code = Secrets.NewCode();
        db.Tokens.Add(AccountToken.Issue(
            account, TokenPurpose.EmailChange, Secrets.Hash(token), options.Value.EmailChangeLifetime, now, newEmail, Secrets.HashCode(account.Id, code)));
        // Through the unsolicited-mail limit like the link: asking again and again floods neither address.
        await mail.QueueUnsolicitedAsync(db, account.Email, Throttle.SourceKey(pepper, current.Source), account.Language, "EmailChangeCode", cancellationToken,
            ("Name", account.FirstName), ("Code", code));
        await mail.QueueUnsolicitedAsync(db, newEmail, Throttle.SourceKey(pepper, current.Source), account.Language, "EmailChangeLink", cancellationToken,
            ("Name", account.FirstName), ("Link", mail.Link(AccountLink.EmailChange, token)));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
