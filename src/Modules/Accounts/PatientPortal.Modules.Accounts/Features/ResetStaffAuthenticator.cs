namespace PatientPortal.Modules.Accounts.Features;

/// <summary>
/// A staff member lost their phone and their recovery codes: an admin turns their app off. They then sign in with the
/// password and are sent to set up an app before any admin page (forced enrolment), as on their first day. Their
/// sessions end, so a session opened with the lost phone does not outlive it, and they are told by email. An admin
/// cannot do it to themselves: that would let a stolen admin session drop the app it never had to pass again.
/// </summary>
internal sealed class ResetStaffAuthenticatorHandler(AccountsDbContext db, ICurrentAccount current, SecondFactorProof proof, AccountMail mail, TimeProvider clock)
    : IRequestHandler<ResetStaffAuthenticator, Result>
{
    public Task<Result> Handle(ResetStaffAuthenticator request, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, () => AttemptAsync(request, cancellationToken));

    private async Task<Result> AttemptAsync(ResetStaffAuthenticator request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.AllowsAdmin(current))
        {
            return Error.Forbidden;
        }

        if (request.StaffAccountId == current.AccountId)
        {
            return new Error(AccountErrors.CannotResetOwnAuthenticator);
        }

        // Patients manage their own factor (a recovery code, or a reset with the email factor): not from this page.
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == request.StaffAccountId && a.Role != Roles.Patient, cancellationToken);
        if (account is null)
        {
            return Error.NotFound;
        }

        // Step-up: the admin proves their own app again (counted like any code), so a stolen session is not enough.
        var now = clock.GetUtcNow();
        var admin = await db.Accounts.SingleAsync(a => a.Id == current.AccountId, cancellationToken);
        var adminFactor = await db.SecondFactors.SingleOrDefaultAsync(f => f.AccountId == admin.Id, cancellationToken);
        if (adminFactor is not { IsOn: true })
        {
            return Error.Forbidden;
        }

        if (await proof.CheckAsync(admin, adminFactor, request.Code, now, cancellationToken) is { } refused)
        {
            await db.SaveChangesAsync(cancellationToken);
            return refused;
        }

        var factor = await db.SecondFactors.SingleOrDefaultAsync(f => f.AccountId == account.Id, cancellationToken);
        factor?.TurnOff();
        db.RecoveryCodes.RemoveRange(await db.RecoveryCodes.Where(r => r.AccountId == account.Id).ToListAsync(cancellationToken));
        await Sessions.ForgetTrustedBrowsersAsync(db, account.Id, now, cancellationToken);
        await Sessions.EndAllAsync(db, account.Id, except: null, now, cancellationToken);
        mail.Queue(db, account.Email, account.Language, "StaffAuthenticatorReset", ("Name", account.FirstName));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
