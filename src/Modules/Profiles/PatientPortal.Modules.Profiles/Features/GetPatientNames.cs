using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Profiles.Security;

namespace PatientPortal.Modules.Profiles.Features;

internal sealed class GetPatientNamesHandler(ProfilesDbContext db, ICurrentAccount current, TimeProvider clock)
    : IRequestHandler<GetPatientNames, Result<IReadOnlyList<PatientName>>>
{
    public async Task<Result<IReadOnlyList<PatientName>>> Handle(GetPatientNames request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var ids = request.ProfileIds.Distinct().Take(GetPatientNames.MaxIds).ToList();
        if (ids.Count == 0)
        {
            return Array.Empty<PatientName>();
        }

        var names = await db.Profiles.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new PatientName(p.Id, p.FirstName, p.LastName, p.DateOfBirth))
            .ToListAsync(cancellationToken);
        StaffReads.Record(db, current, names.Select(n => n.ProfileId), "staff-calendar", clock.GetUtcNow());
        await WriteLock.SaveChangesInTurnAsync(db, cancellationToken);
        return names;
    }
}
