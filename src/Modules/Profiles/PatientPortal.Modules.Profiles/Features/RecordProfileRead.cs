namespace PatientPortal.Modules.Profiles.Features;

/// <summary>Appends the row; the reader's capacity is its link to the profile (its own: Self; another, or none: proxy).</summary>
internal sealed class RecordProfileReadHandler(ProfilesDbContext db, ICurrentAccount current, TimeProvider clock) : IRequestHandler<RecordProfileRead, Unit>
{
    private const int MaxWhat = 50; // the column's length

    public async Task<Unit> Handle(RecordProfileRead request, CancellationToken cancellationToken)
    {
        // Staff pages name a record by its id: one that does not exist was nobody's file, and a row for it would be an
        // orphan on no patient's trail. A patient's refused attempt is kept whatever the id: it is about their account.
        if (request.ByStaff && !await db.Profiles.AnyAsync(p => p.Id == request.ProfileId, cancellationToken))
        {
            return Unit.Value;
        }

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
