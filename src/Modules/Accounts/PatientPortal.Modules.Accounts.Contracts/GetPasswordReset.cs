using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>Whether a reset link is still usable, and whether the form must ask for the recovery PIN.</summary>
public sealed record GetPasswordReset(string Token) : IRequest<Result<PasswordResetView>>;

public sealed record PasswordResetView(bool RequiresPin)
{
    /// <summary>An authenticator app is on: the form asks for a code from it (or a recovery code).</summary>
    public bool RequiresSecondFactor { get; init; }
}
