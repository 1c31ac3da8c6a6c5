using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>
/// A code from the app confirms the key, and the current password the person: the second factor is on, the current
/// session counts as having passed it, and ten recovery codes are made (shown this once).
/// </summary>
public sealed record ConfirmAuthenticator(Guid CurrentSessionId, string Code, string Password) : IRequest<Result<SecondFactorTurnedOn>>;

/// <param name="Session">The current session, now with its second factor passed: the host renews its cookie.</param>
public sealed record SecondFactorTurnedOn(IReadOnlyList<string> RecoveryCodes, SignedIn Session);
