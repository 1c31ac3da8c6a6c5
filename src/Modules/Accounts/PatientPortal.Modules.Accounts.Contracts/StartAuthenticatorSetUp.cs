using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>A new authenticator key for the signed-in account, shown as a QR code and as typed text until a code confirms it.</summary>
public sealed record StartAuthenticatorSetUp : IRequest<Result<AuthenticatorSetUp>>;

/// <param name="Key">The Base32 key in groups of four, for typing.</param>
/// <param name="QrCodeDataUri">A PNG data: URI of the otpauth:// address.</param>
public sealed record AuthenticatorSetUp(string Key, string QrCodeDataUri);
