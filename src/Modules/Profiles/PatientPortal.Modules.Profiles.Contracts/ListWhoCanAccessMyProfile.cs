using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>The accounts that may act for the signed-in account's own file now (active proxy links), with their names and tabs.</summary>
public sealed record ListWhoCanAccessMyProfile : IRequest<Result<IReadOnlyList<ProxyOfMine>>>;

public sealed record ProxyOfMine(Guid AccessId, string FirstName, string LastName, Relationship Relationship, ProfileTabs Tabs);
