using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>Stops trusting one of the signed-in account's browsers: its next sign-in asks for the code again.</summary>
public sealed record RevokeTrustedBrowser(Guid TrustedBrowserId) : IRequest<Result>;
