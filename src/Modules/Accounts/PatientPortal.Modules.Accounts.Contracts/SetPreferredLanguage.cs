using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>Stores the language the signed-in account chose; every email it receives uses it.</summary>
public sealed record SetPreferredLanguage(string Language) : IRequest<Result>;
