namespace PatientPortal.Modules.Accounts.Features;

internal sealed class RevokeTrustedBrowserHandler(AccountsDbContext db, ICurrentAccount current, TimeProvider clock)
    : IRequestHandler<RevokeTrustedBrowser, Result>
{
    public async Task<Result> Handle(RevokeTrustedBrowser request, CancellationToken cancellationToken)
    {
        if (current.AccountId is not { } id)
        {
            return Error.Forbidden;
        }

        // Only the caller's own browsers: another account's id finds nothing, and says so the same way as a wrong one.
        var browser = await db.TrustedBrowsers.SingleOrDefaultAsync(b => b.Id == request.TrustedBrowserId && b.AccountId == id, cancellationToken);
        if (browser is null)
        {
            return Error.NotFound;
        }

        browser.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
