using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>
/// A new authenticator key for the signed-in account, shown as a QR code and as typed text until a code confirms it.
/// The key belongs to this browser's session: another session (someone else's copy of the password) gets another key,
/// and the one it saw is never the one the owner confirms.
/// </summary>
public sealed record StartAuthenticatorSetUp(Guid CurrentSessionId) : IRequest<Result<AuthenticatorSetUp>>;

/// <param name="Key">The Base32 key in groups of four, for typing.</param>
/// <param name="QrCodeDataUri">A PNG data: URI of the otpauth:// address.</param>
public sealed record AuthenticatorSetUp(string Key, string QrCodeDataUri);
