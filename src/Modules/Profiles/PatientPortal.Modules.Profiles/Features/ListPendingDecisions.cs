using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Profiles.Security;

namespace PatientPortal.Modules.Profiles.Features;

internal sealed class ListPendingDecisionsHandler(ProfilesDbContext db, ICurrentAccount current, TimeProvider clock)
    : IRequestHandler<ListPendingDecisions, Result<PendingDecisions>>
{
    public const int Limit = 200;

    public async Task<Result<PendingDecisions>> Handle(ListPendingDecisions request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var suggestions = await db.LinkSuggestions.AsNoTracking()
            .Where(s => s.State == LinkSuggestionState.Open)
            .OrderBy(s => s.CreatedUtc)
            .Take(Limit)
            .Join(db.Profiles, s => s.NewProfileId, p => p.Id, (s, p) => new { s, New = p })
            .Join(db.Profiles, x => x.s.ExistingProfileId, p => p.Id, (x, p) => new { x.s, x.New, Existing = p })
            .Select(x => new PendingLinkSuggestion(
                x.s.Id, x.s.CreatedUtc,
                new PatientSummary(x.New.Id, x.New.FirstName, x.New.LastName, x.New.DateOfBirth, x.New.ClinicPatientId, x.New.HealthInsuranceNumber),
                new PatientSummary(x.Existing.Id, x.Existing.FirstName, x.Existing.LastName, x.Existing.DateOfBirth, x.Existing.ClinicPatientId, x.Existing.HealthInsuranceNumber)))
            .ToListAsync(cancellationToken);

        var requests = await db.ConnectionRequests.AsNoTracking()
            .Where(r => r.State == ConnectionRequestState.Open)
            .OrderBy(r => r.CreatedUtc)
            .Take(Limit)
            .Join(db.Profiles, r => r.ProfileId, p => p.Id, (r, p) => new { r, p })
            .ToListAsync(cancellationToken);
        var requesterIds = requests.Select(x => x.r.AccountId).Distinct().ToList();
        var requesters = await db.Accesses.AsNoTracking()
            .Where(a => requesterIds.Contains(a.AccountId) && a.Relationship == Relationship.Self)
            .Join(db.Profiles, a => a.ProfileId, p => p.Id, (a, p) => new { a.AccountId, p.FirstName, p.LastName })
            .ToDictionaryAsync(x => x.AccountId, cancellationToken);
        var connections = requests
            .Select(x => new PendingConnectionRequest(
                x.r.Id, x.r.CreatedUtc, requesters.GetValueOrDefault(x.r.AccountId)?.FirstName, requesters.GetValueOrDefault(x.r.AccountId)?.LastName,
                x.r.Relationship, new PatientSummary(x.p.Id, x.p.FirstName, x.p.LastName, x.p.DateOfBirth, x.p.ClinicPatientId, x.p.HealthInsuranceNumber)))
            .ToList();
        StaffReads.Record(
            db, current.AccountId!.Value,
            suggestions.SelectMany(s => new[] { s.Account.ProfileId, s.Record.ProfileId }).Concat(connections.Select(c => c.Record.ProfileId)),
            "admin-queue", clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new PendingDecisions(suggestions, connections);
    }
}
