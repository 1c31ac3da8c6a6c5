using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Audit.Contracts;

/// <summary>
/// Staff only (second factor passed): incident support (security.md F31). Every access in [<see cref="FromUtc"/>,
/// <see cref="ToUtc"/>), oldest first, and the profiles affected (each with its number of accesses and refusals, first and
/// last); at most <see cref="MaxRows"/> accesses (<see cref="AccessExport.Truncated"/> then says to narrow the window;
/// the profiles list is always complete). A window of at most <see cref="MaxDays"/> days.
/// </summary>
public sealed record ExportFileAccesses(DateTimeOffset FromUtc, DateTimeOffset ToUtc) : IRequest<Result<AccessExport>>
{
    public const int MaxRows = 100_000;
    public const int MaxDays = 800;
}

public sealed record AccessExport(IReadOnlyList<AccessLogEntry> Accesses, IReadOnlyList<AffectedProfile> Profiles, bool Truncated);

/// <summary>A profile read (or tried) in the window.</summary>
public sealed record AffectedProfile(Guid ProfileId, int Accesses, int Refused, DateTimeOffset FirstUtc, DateTimeOffset LastUtc);
