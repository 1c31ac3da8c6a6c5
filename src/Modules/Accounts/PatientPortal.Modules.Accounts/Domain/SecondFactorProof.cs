namespace PatientPortal.Modules.Accounts.Domain;

/// <summary>
/// Checks a code against an account's second factor: an authenticator code of a time step not used before, the
/// emailed code whose hash the caller holds, or an unused recovery code. A match is spent (the step or the recovery
/// code is recorded); a miss changes nothing: the caller counts it (<see cref="SignInGuard"/>) and saves.
/// </summary>
internal sealed class SecondFactorProof(AccountsDbContext db, Authenticator authenticator, SignInGuard guard, Pepper pepper)
{
    public async Task<bool> AcceptAsync(SecondFactor factor, string? code, string? emailCodeHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 40)
        {
            return false;
        }

        if (RecoveryCodes.LooksLikeOne(code))
        {
            var hash = RecoveryCodes.Hash(pepper, factor.AccountId, code);
            var recovery = await db.RecoveryCodes.SingleOrDefaultAsync(r => r.AccountId == factor.AccountId && r.CodeHash == hash && r.UsedUtc == null, cancellationToken);
            recovery?.Use(now);
            return recovery is not null;
        }

        return factor.Kind switch
        {
            SecondFactorKind.Authenticator => Authenticator.MatchingStep(KeyOf(factor), code, now) is { } step && factor.TakeStep(step),
            SecondFactorKind.Email => emailCodeHash is not null && Secrets.CodeMatches(factor.AccountId, code, emailCodeHash),
            _ => false,
        };
    }

    // A key ring that lost the key (restored from elsewhere, say) must not turn a sign-in into an error page: the app's
    // codes stop matching, and a recovery code still works.
    private string KeyOf(SecondFactor factor)
    {
        try
        {
            return authenticator.Unprotect(factor.ProtectedKey!);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return "";
        }
    }

    /// <summary>
    /// A signed-in account proves its factor again (to turn it off, for new recovery codes, for a password reset): a
    /// blocked source is refused, and a wrong code counts toward the lockout; wrong codes are also capped per account
    /// over a day, so a stolen session cannot guess codes from many networks. The lock of the whole account does not
    /// stop its owner here (a session, or a reset link, already proves much). Call it before changing anything.
    /// </summary>
    /// <returns>Null when the code passed (and is spent); otherwise the refusal, already recorded for the caller to save.</returns>
    public async Task<Error?> CheckAsync(Account account, SecondFactor factor, string? code, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var attempt = await guard.BeginForOwnerAsync(account.NormalizedEmail, secondFactorCode: true, cancellationToken);
        if (attempt.Refused)
        {
            return new Error(AccountErrors.TooManyAttempts);
        }

        var emailCode = factor.EmailCodeUsable(now) ? factor.EmailCodeHash : null;
        if (await AcceptAsync(factor, code, emailCode, now, cancellationToken))
        {
            if (emailCode is not null && factor.Kind == SecondFactorKind.Email && !RecoveryCodes.LooksLikeOne(code))
            {
                factor.ClearEmailCode();
            }

            await attempt.RightSecretAsync();
            return null;
        }

        if (emailCode is not null)
        {
            factor.RecordWrongEmailCode();
        }

        return new Error(await attempt.FailedAsync(account, cancellationToken) ? AccountErrors.TooManyAttempts : AccountErrors.SecondFactorCodeWrong, "Code");
    }

    /// <summary>
    /// A reset link proves the mailbox, which is the whole of the email factor; with an authenticator app on, the link
    /// is not enough: the app's code or a recovery code too (checked like any other, with the lockout).
    /// </summary>
    public async Task<Error?> CheckForResetAsync(Account account, string? code, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var factor = await db.SecondFactors.SingleOrDefaultAsync(f => f.AccountId == account.Id, cancellationToken);
        return factor is { Kind: SecondFactorKind.Authenticator } ? await CheckAsync(account, factor, code, now, cancellationToken) : null;
    }

    public static Task<bool> NeededForResetAsync(AccountsDbContext db, Guid accountId, CancellationToken cancellationToken) =>
        db.SecondFactors.AnyAsync(f => f.AccountId == accountId && f.Kind == SecondFactorKind.Authenticator, cancellationToken);

    /// <summary>Ten new recovery codes replace the old ones (not saved); the plain codes are returned to be shown once.</summary>
    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(Guid accountId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var old = await db.RecoveryCodes.Where(r => r.AccountId == accountId).ToListAsync(cancellationToken);
        db.RecoveryCodes.RemoveRange(old);
        var codes = Enumerable.Range(0, RecoveryCode.Count).Select(_ => RecoveryCodes.New()).ToList();
        db.RecoveryCodes.AddRange(codes.Select(c => RecoveryCode.Issue(accountId, RecoveryCodes.Hash(pepper, accountId, c), now)));
        return codes;
    }
}
