using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>What the Terms and Conditions page needs to know about an activation link.</summary>
public sealed record GetActivation(string Token) : IRequest<Result<ActivationView>>;

public sealed record ActivationView(string Email, string TermsVersion);
