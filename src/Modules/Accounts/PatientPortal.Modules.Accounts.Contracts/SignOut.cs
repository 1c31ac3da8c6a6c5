using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>Ends the current session on the server, so a copied cookie stops working.</summary>
public sealed record SignOut(Guid SessionId) : IRequest<Result>;
