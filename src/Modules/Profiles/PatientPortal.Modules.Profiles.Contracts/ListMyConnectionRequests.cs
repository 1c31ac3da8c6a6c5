using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>The signed-in account's Connected Accounts requests that wait for the clinic's staff (open ones only).</summary>
public sealed record ListMyConnectionRequests : IRequest<Result<IReadOnlyList<MyConnectionRequest>>>;

/// <summary>The names are those the account typed and the clinic's record matched; nothing else of the record.</summary>
public sealed record MyConnectionRequest(string FirstName, string LastName, Relationship Relationship, DateTimeOffset RequestedUtc);
