using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>What the Terms and Conditions page needs to know about an activation link.</summary>
public sealed record GetActivation(string Token) : IRequest<Result<ActivationView>>;

/// <param name="PasswordRequired">
/// True for a link that was emailed (registration): whoever follows it also types the password chosen at registration.
/// An invitation's patient chose the password a moment ago, in the same browser, and is not asked again.
/// </param>
public sealed record ActivationView(string Email, string TermsVersion, bool PasswordRequired);
