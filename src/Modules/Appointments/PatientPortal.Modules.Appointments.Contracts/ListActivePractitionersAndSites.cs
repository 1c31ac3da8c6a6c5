using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Appointments.Contracts;

/// <summary>
/// Staff only: the clinic's active practitioners and sites, by id and name (practitioners by name; sites in person
/// first, then by name). Deactivated ones are left out. For another module's staff form that names a practitioner or a
/// site, and checks the posted ids against the same answer (Inbox's sender and site, ADR 0017).
/// </summary>
public sealed record ListActivePractitionersAndSites : IRequest<Result<ActivePractitionersAndSites>>;

public sealed record ActivePractitionersAndSites(IReadOnlyList<CatalogName> Practitioners, IReadOnlyList<CatalogName> Sites);

/// <summary>A practitioner's name as patients see it, or a site's name.</summary>
public sealed record CatalogName(Guid Id, string Name);
