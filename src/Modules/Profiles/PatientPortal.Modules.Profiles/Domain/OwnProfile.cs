namespace PatientPortal.Modules.Profiles.Domain;

/// <summary>The account's own record: the profile of its active Self link (the person who consents to links to it).</summary>
internal static class OwnProfile
{
    public static Task<Guid?> IdOfAsync(ProfilesDbContext db, Guid accountId, CancellationToken cancellationToken) =>
        db.Accesses.AsNoTracking()
            .Where(a => a.AccountId == accountId && a.Relationship == Relationship.Self && a.State == AccessState.Active)
            .Select(a => (Guid?)a.ProfileId)
            .SingleOrDefaultAsync(cancellationToken);
}
