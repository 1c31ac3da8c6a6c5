using PatientPortal.BuildingBlocks.Outbox;

namespace PatientPortal.Modules.Profiles.Security;

/// <summary>
/// Every access-trail row (<see cref="ProfileRead"/>) added to the context goes to the outbox as a
/// <see cref="ProfileFileRead"/> in the same SaveChanges (ADR 0019): the Audit module's log is fed by those events only,
/// and no slice can add a row and forget the event. A patient's or a proxy's name is their own record's, read here in
/// one query for all the rows of the save (staff rows carry the staff member's role and session name already).
/// </summary>
internal static class FileReadsPublisher
{
    private static readonly HashSet<string> Downloads = new(StringComparer.Ordinal) { "attachment", "export", "export-summary" };

    public static async Task AddEventsAsync(ProfilesDbContext db, CancellationToken cancellationToken)
    {
        // The event's id is the row's: a save that is tried again (a conflict, a retry) publishes each row once.
        var published = db.ChangeTracker.Entries<OutboxMessage>().Select(e => e.Entity.Id).ToHashSet();
        var reads = db.ChangeTracker.Entries<ProfileRead>()
            .Where(e => e.State == EntityState.Added && !published.Contains(e.Entity.Id))
            .Select(e => e.Entity)
            .ToList();
        if (reads.Count == 0)
        {
            return;
        }

        var patients = reads.Where(r => r.Role != ReaderRole.Staff).Select(r => r.ReaderAccountId).Distinct().ToList();
        var names = patients.Count == 0
            ? new Dictionary<Guid, (string FirstName, string LastName, string? Email, string Language)>()
            : await RequesterNames.OfAsync(db, patients, cancellationToken);
        foreach (var read in reads)
        {
            var name = read.Role == ReaderRole.Staff
                ? read.Staff?.Name ?? ""
                : names.TryGetValue(read.ReaderAccountId, out var n) ? $"{n.FirstName} {n.LastName}" : "";
            var fileRead = new ProfileFileRead(
                read.ProfileId, read.ReaderAccountId, read.Role.ToString(), name, read.Role == ReaderRole.Staff ? read.Staff?.Role : null,
                KindOf(read), read.What, read.ObjectId, read.Allowed, read.ReadUtc) { EventId = read.Id };
            db.OutboxMessages.Add(OutboxMessage.From(fileRead, read.ReadUtc));
        }
    }

    /// <summary>A download by its name; one item opened when the row names it; otherwise a page.</summary>
    public static string KindOf(ProfileRead read) =>
        Downloads.Contains(read.What) ? FileReadKinds.Download
        : read.ObjectId is not null ? FileReadKinds.Document
        : FileReadKinds.Page;
}
