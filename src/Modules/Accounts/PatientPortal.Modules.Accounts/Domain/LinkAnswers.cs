namespace PatientPortal.Modules.Accounts.Domain;

/// <summary>
/// The tries on an emailed link that also asks for an answer (the registration password, a recovery PIN, the code sent
/// to the old address). Each try is counted on the link BEFORE its answer is checked, in one atomic statement, so a
/// burst of parallel guesses gets no more than <see cref="AccountToken.MaxWrongAnswers"/> between them; a right answer
/// takes its count back, and a wrong one that fills the count spends the link. The callers also count every try in
/// the <see cref="SignInGuard"/>, so asking for link after link buys no more guesses.
/// </summary>
internal static class LinkAnswers
{
    /// <returns>False when the link has no tries left (or was used meanwhile): the caller treats it as spent.</returns>
    public static async Task<bool> TryCountAsync(AccountsDbContext db, AccountToken token, CancellationToken cancellationToken) =>
        await db.Tokens.Where(t => t.Id == token.Id && t.UsedUtc == null && t.FailedAttempts < AccountToken.MaxWrongAnswers)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.FailedAttempts, t => t.FailedAttempts + 1), cancellationToken) == 1;

    // Not cancellable: a right answer must never be left counted as a wrong one because the browser went away.
    public static Task RightAsync(AccountsDbContext db, AccountToken token) =>
        db.Tokens.Where(t => t.Id == token.Id && t.FailedAttempts > 0)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.FailedAttempts, t => t.FailedAttempts - 1), CancellationToken.None);

    /// <returns>True when the link is now spent.</returns>
    public static async Task<bool> WrongAsync(AccountsDbContext db, AccountToken token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.Tokens.Where(t => t.Id == token.Id && t.UsedUtc == null && t.FailedAttempts >= AccountToken.MaxWrongAnswers)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.UsedUtc, now), cancellationToken);
        return await db.Tokens.AnyAsync(t => t.Id == token.Id && t.UsedUtc != null, cancellationToken);
    }
}
