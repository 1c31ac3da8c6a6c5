namespace PatientPortal.Modules.Profiles.Features;

/// <summary>Appends the row; the reader's capacity is its link to the profile (its own: Self; another, or none: proxy).</summary>
internal sealed class RecordProfileReadHandler(ProfilesDbContext db, ICurrentAccount current, TimeProvider clock) : IRequestHandler<RecordProfileRead, Unit>
{
    private const int MaxWhat = 50; // the column's length

    public async Task<Unit> Handle(RecordProfileRead request, CancellationToken cancellationToken)
    {
        var role = request.ByStaff ? ReaderRole.Staff
            : await db.Accesses.AnyAsync(a => a.AccountId == request.ReaderAccountId && a.ProfileId == request.ProfileId && a.Relationship == Relationship.Self, cancellationToken)
                ? ReaderRole.Self
                : ReaderRole.Proxy;
        var what = request.What.Length > MaxWhat ? request.What[..MaxWhat] : request.What;
        // A staff read is the signed-in staff member's (modules send ByStaff only for the session's own reads).
        var staff = request.ByStaff ? StaffReader.Of(current) : null;
        db.ProfileReads.Add(ProfileRead.Of(request.ReaderAccountId, request.ProfileId, role, what, request.Allowed, clock.GetUtcNow(), request.ObjectId, staff));
        await WriteLock.SaveChangesInTurnAsync(db, cancellationToken);
        return Unit.Value;
    }
}
