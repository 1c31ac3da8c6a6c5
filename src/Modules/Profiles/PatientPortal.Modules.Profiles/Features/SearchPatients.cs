using PatientPortal.Modules.Accounts.Contracts;
using PatientPortal.Modules.Profiles.Security;

namespace PatientPortal.Modules.Profiles.Features;

internal sealed class SearchPatientsValidator : AbstractValidator<SearchPatients>
{
    public SearchPatientsValidator()
    {
        RuleFor(r => r.Name).MaximumLength(200).WithErrorCode(ProfilesErrors.SearchInvalid);
        RuleFor(r => r.HealthInsuranceNumber).MaximumLength(20).WithErrorCode(ProfilesErrors.SearchInvalid);
        RuleFor(r => r.ClinicPatientId).MaximumLength(50).WithErrorCode(ProfilesErrors.SearchInvalid);
        RuleFor(r => r.Sort).IsInEnum().WithErrorCode(ProfilesErrors.SearchInvalid);
        RuleFor(r => r.Page).InclusiveBetween(1, 10_000).WithErrorCode(ProfilesErrors.SearchInvalid);
    }
}

/// <summary>
/// Every value is a query parameter (EF Core); names are compared in lower case, within the first or the last name. The
/// page size is capped whatever is asked, and one row more than the page is read to know whether a next page exists.
/// </summary>
internal sealed class SearchPatientsHandler(ProfilesDbContext db, ICurrentAccount current, TimeProvider clock)
    : IRequestHandler<SearchPatients, Result<PatientSearchPage>>
{
    public async Task<Result<PatientSearchPage>> Handle(SearchPatients request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var size = Math.Clamp(request.PageSize, 1, SearchPatients.MaxPageSize);
        var query = db.Profiles.AsNoTracking();
        foreach (var word in (request.Name ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(5))
        {
            var lower = word.ToLowerInvariant();
            // Translated to lower(...) and a substring test on both providers; the StringComparison overload is not translated.
#pragma warning disable CA1862
            query = query.Where(p => p.FirstName.ToLower().Contains(lower) || p.LastName.ToLower().Contains(lower));
#pragma warning restore CA1862
        }

        if (request.DateOfBirth is { } birth)
        {
            query = query.Where(p => p.DateOfBirth == birth);
        }

        if (Profile.NormalizeHealthInsuranceNumber(request.HealthInsuranceNumber) is { } card)
        {
            query = query.Where(p => p.HealthInsuranceNumber == card);
        }

        if (!string.IsNullOrWhiteSpace(request.ClinicPatientId))
        {
            var chart = request.ClinicPatientId.Trim();
            query = query.Where(p => p.ClinicPatientId == chart);
        }

        query = request.Sort switch
        {
            PatientSort.DateOfBirth => query.OrderBy(p => p.DateOfBirth).ThenBy(p => p.LastName).ThenBy(p => p.Id),
            PatientSort.ClinicPatientId => query.OrderBy(p => p.ClinicPatientId == null).ThenBy(p => p.ClinicPatientId).ThenBy(p => p.Id),
            PatientSort.RecentlyUpdated => query.OrderByDescending(p => p.UpdatedUtc).ThenBy(p => p.Id),
            _ => query.OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.DateOfBirth).ThenBy(p => p.Id),
        };
        var rows = await query
            .Skip((request.Page - 1) * size)
            .Take(size + 1)
            .Select(p => new PatientSummary(p.Id, p.FirstName, p.LastName, p.DateOfBirth, p.ClinicPatientId, p.HealthInsuranceNumber))
            .ToListAsync(cancellationToken);
        var shown = rows.Take(size).ToList();
        // The access trail (F29): a result row shows a patient's name, birth date and card, so it is a read of that profile.
        StaffReads.Record(db, current, shown.Select(p => p.ProfileId), "admin-search", clock.GetUtcNow());
        await WriteLock.SaveChangesInTurnAsync(db, cancellationToken);
        return new PatientSearchPage(shown, request.Page, size, rows.Count > size);
    }
}
