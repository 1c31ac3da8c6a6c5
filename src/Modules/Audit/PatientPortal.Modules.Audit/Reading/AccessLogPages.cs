namespace PatientPortal.Modules.Audit.Reading;

/// <summary>A profile's log, newest first, one page (the patient's and the staff's pages read it the same way).</summary>
internal static class AccessLogPages
{
    /// <summary>From 1 to this: the offset never overflows into a negative one (PostgreSQL refuses it); past the end, a page is empty.</summary>
    public const int LastPage = 100_000;

    public static async Task<AccessLogPage> ReadAsync(AuditDbContext db, Guid profileId, int page, CancellationToken cancellationToken)
    {
        page = Math.Clamp(page, 1, LastPage);
        var size = GetMyFileAccessLog.PageSize;
        var log = db.Accesses.AsNoTracking().Where(a => a.ProfileId == profileId);
        var total = await log.CountAsync(cancellationToken);
        var rows = await log
            .OrderByDescending(a => a.ReadUtc).ThenByDescending(a => a.Id)
            .Skip((page - 1) * size).Take(size)
            .ToListAsync(cancellationToken);
        return new AccessLogPage([.. rows.Select(r => r.ToEntry())], page, size, total);
    }
}
