using System.Linq.Expressions;

namespace PatientPortal.Modules.Profiles.Domain;

/// <summary>The account's own record: the profile of its active Self link (the person who consents to links to it).</summary>
internal static class OwnProfile
{
    public static Task<Guid?> IdOfAsync(ProfilesDbContext db, Guid accountId, CancellationToken cancellationToken) =>
        db.Accesses.AsNoTracking()
            .Where(a => a.AccountId == accountId && a.Relationship == Relationship.Self && a.State == AccessState.Active)
            .Select(a => (Guid?)a.ProfileId)
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// A proxy's link to the account's own record, tracked, when it is <paramref name="which"/> (pending, not revoked…):
    /// the person whose file it is decides on it. Null when the account has no record of its own, or the link is
    /// another file's, a Self link, or not in that state (one answer: not found).
    /// </summary>
    public static async Task<ProfileAccess?> ProxyLinkAsync(
        ProfilesDbContext db, Guid accountId, Guid accessId, Expression<Func<ProfileAccess, bool>> which, CancellationToken cancellationToken) =>
        await IdOfAsync(db, accountId, cancellationToken) is not { } mine ? null
            : await db.Accesses.Where(a => a.Id == accessId && a.ProfileId == mine && a.Relationship != Relationship.Self).Where(which)
                .SingleOrDefaultAsync(cancellationToken);
}
