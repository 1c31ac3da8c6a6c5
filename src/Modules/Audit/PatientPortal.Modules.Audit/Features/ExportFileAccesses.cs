using Microsoft.Extensions.Logging;
using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Audit.Features;

internal sealed class ExportFileAccessesValidator : AbstractValidator<ExportFileAccesses>
{
    public ExportFileAccessesValidator() =>
        RuleFor(r => r)
            .Must(r => r.ToUtc > r.FromUtc && r.ToUtc - r.FromUtc <= TimeSpan.FromDays(ExportFileAccesses.MaxDays))
            .WithErrorCode(AuditErrors.WindowInvalid);
}

/// <summary>
/// The window's accesses, oldest first, and every profile they touched (one grouped query, complete even when the rows
/// are cut). An export takes many files out of the portal at once: the security log says who took which window (no
/// profile ids there; the file itself is the record of what left).
/// </summary>
internal sealed class ExportFileAccessesHandler(AuditDbContext db, ICurrentAccount current, ILogger<ExportFileAccessesHandler> logger)
    : IRequestHandler<ExportFileAccesses, Result<AccessExport>>
{
    public async Task<Result<AccessExport>> Handle(ExportFileAccesses request, CancellationToken cancellationToken)
    {
        if (!StaffOnly.Allows(current))
        {
            return Error.Forbidden;
        }

        var window = db.Accesses.AsNoTracking().Where(a => a.ReadUtc >= request.FromUtc && a.ReadUtc < request.ToUtc);
        var rows = await window
            .OrderBy(a => a.ReadUtc).ThenBy(a => a.Id)
            .Take(ExportFileAccesses.MaxRows + 1)
            .ToListAsync(cancellationToken);
        var profiles = await window
            .GroupBy(a => a.ProfileId)
            .Select(g => new
            {
                ProfileId = g.Key,
                Accesses = g.Count(),
                Refused = g.Count(a => !a.Allowed),
                First = g.Min(a => a.ReadUtc),
                Last = g.Max(a => a.ReadUtc),
            })
            .ToListAsync(cancellationToken);
        var truncated = rows.Count > ExportFileAccesses.MaxRows;
        logger.LogInformation(
            "Access log exported by staff account {AccountId}: {FromUtc} to {ToUtc}, {Rows} accesses, {Profiles} profiles",
            current.AccountId, request.FromUtc, request.ToUtc, Math.Min(rows.Count, ExportFileAccesses.MaxRows), profiles.Count);
        return new AccessExport(
            [.. rows.Take(ExportFileAccesses.MaxRows).Select(r => r.ToEntry())],
            [.. profiles.OrderBy(p => p.First).ThenBy(p => p.ProfileId).Select(p => new AffectedProfile(p.ProfileId, p.Accesses, p.Refused, p.First, p.Last))],
            truncated);
    }
}
