using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Profiles.Security;

namespace PatientPortal.Modules.Profiles.Features;

/// <summary>
/// The queue, oldest first. Each link suggestion comes with its evidence: the account's sign-in email and creation date
/// (asked of Accounts, staff only there too) beside the record's contact and guardian emails, and whether the record is
/// already someone's own, has parent or guardian links, or is a minor's. Every profile shown is on the read trail.
/// </summary>
internal sealed class ListPendingDecisionsHandler(ProfilesDbContext db, ICurrentAccount current, IMediator mediator, ClinicCalendar calendar, TimeProvider clock)
    : IRequestHandler<ListPendingDecisions, Result<PendingDecisions>>
{
    public const int Limit = 200;

    public async Task<Result<PendingDecisions>> Handle(ListPendingDecisions request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var rows = await db.LinkSuggestions.AsNoTracking()
            .Where(s => s.State == LinkSuggestionState.Open)
            .OrderBy(s => s.CreatedUtc)
            .Take(Limit)
            .Join(db.Profiles, s => s.NewProfileId, p => p.Id, (s, p) => new { s, New = p })
            .Join(db.Profiles, x => x.s.ExistingProfileId, p => p.Id, (x, p) => new { x.s, x.New, Existing = p })
            .Select(x => new
            {
                x.s.Id, x.s.CreatedUtc, x.s.AccountId,
                Account = new PatientSummary(x.New.Id, x.New.FirstName, x.New.LastName, x.New.DateOfBirth, x.New.ClinicPatientId, x.New.HealthInsuranceNumber),
                Record = new PatientSummary(x.Existing.Id, x.Existing.FirstName, x.Existing.LastName, x.Existing.DateOfBirth, x.Existing.ClinicPatientId, x.Existing.HealthInsuranceNumber),
                x.Existing.ContactEmail, x.Existing.GuardianEmail,
            })
            .ToListAsync(cancellationToken);
        var suggestions = await WithEvidenceAsync(rows.Select(r => (r.Id, r.CreatedUtc, r.AccountId, r.Account, r.Record, r.ContactEmail, r.GuardianEmail)).ToList(), cancellationToken);

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
            db, current,
            suggestions.SelectMany(s => new[] { s.Account.ProfileId, s.Record.ProfileId }).Concat(connections.Select(c => c.Record.ProfileId)),
            "admin-queue", clock.GetUtcNow());
        await WriteLock.SaveChangesInTurnAsync(db, cancellationToken);
        return new PendingDecisions(suggestions, connections);
    }

    private async Task<List<PendingLinkSuggestion>> WithEvidenceAsync(
        List<(Guid Id, DateTimeOffset CreatedUtc, Guid AccountId, PatientSummary Account, PatientSummary Record, string? ContactEmail, string? GuardianEmail)> rows,
        CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var accounts = await mediator.Send(new GetPatientAccountSummaries(rows.Select(r => r.AccountId).Distinct().ToList()), cancellationToken);
        var byAccount = accounts.IsSuccess ? accounts.Value.ToDictionary(a => a.AccountId) : [];
        var recordIds = rows.Select(r => r.Record.ProfileId).Distinct().ToList();
        var links = await db.Accesses.AsNoTracking()
            .Where(a => recordIds.Contains(a.ProfileId) && a.State != AccessState.Revoked)
            .Select(a => new { a.ProfileId, a.Relationship })
            .ToListAsync(cancellationToken);
        return rows.Select(r =>
        {
            var account = byAccount.GetValueOrDefault(r.AccountId);
            var evidence = new LinkSuggestionEvidence(
                account?.Email, account?.CreatedUtc,
                r.ContactEmail, Compare(account?.Email, r.ContactEmail),
                r.GuardianEmail, Compare(account?.Email, r.GuardianEmail),
                links.Any(l => l.ProfileId == r.Record.ProfileId && l.Relationship == Relationship.Self),
                links.Any(l => l.ProfileId == r.Record.ProfileId && l.Relationship is Relationship.Parent or Relationship.Guardian),
                !calendar.HasReachedAgeOfConsent(r.Record.DateOfBirth));
            return new PendingLinkSuggestion(r.Id, r.CreatedUtc, r.Account, r.Record, evidence);
        }).ToList();
    }

    private static EmailComparison Compare(string? accountEmail, string? recordEmail) =>
        string.IsNullOrWhiteSpace(accountEmail) || string.IsNullOrWhiteSpace(recordEmail) ? EmailComparison.Unknown
        : string.Equals(accountEmail.Trim(), recordEmail.Trim(), StringComparison.OrdinalIgnoreCase) ? EmailComparison.Same
        : EmailComparison.Different;
}
