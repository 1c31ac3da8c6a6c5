namespace PatientPortal.Modules.Accounts.Features;

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
