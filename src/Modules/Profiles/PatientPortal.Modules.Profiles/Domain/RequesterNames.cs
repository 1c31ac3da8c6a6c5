namespace PatientPortal.Modules.Profiles.Domain;

/// <summary>
/// How a proxy is named to the person whose file it is: by the proxy account's own (Self) profile, the only name the
/// Profiles module knows for an account.
/// </summary>
internal static class RequesterNames
{
    public static async Task<Dictionary<Guid, (string FirstName, string LastName, string? Email, string Language)>> OfAsync(
        ProfilesDbContext db, IReadOnlyCollection<Guid> accountIds, CancellationToken cancellationToken)
    {
        var rows = await db.Accesses.AsNoTracking()
            .Where(a => accountIds.Contains(a.AccountId) && a.Relationship == Relationship.Self)
            .Join(db.Profiles, a => a.ProfileId, p => p.Id, (a, p) => new { a.AccountId, p.FirstName, p.LastName, p.ContactEmail, p.PreferredLanguage })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.AccountId, r => (r.FirstName, r.LastName, r.ContactEmail, r.PreferredLanguage));
    }
}
