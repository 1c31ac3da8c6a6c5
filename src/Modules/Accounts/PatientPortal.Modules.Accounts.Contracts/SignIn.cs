using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>Email and password. Wrong email, wrong password and a locked account all fail the same way.</summary>
public sealed record SignIn(string Email, string Password, string? UserAgent) : IRequest<Result<SignedIn>>
{
    /// <summary>The browser's <see cref="SignedIn.KnownDeviceToken"/> from an earlier sign-in, if it has one.</summary>
    public string? KnownDevice { get; init; }

    /// <summary>
    /// The browser's <see cref="SignedIn.TrustedBrowserToken"/>, if the patient chose to trust it: with a right password
    /// it takes the place of the code (never for staff), and no code is sent.
    /// </summary>
    public string? TrustedBrowser { get; init; }
}

/// <summary>A new server-side session: the host puts its id in the authentication cookie.</summary>
public sealed record SignedIn(Guid AccountId, Guid SessionId, string Email, string DisplayName, string Role, string Language)
{
    /// <summary>The session passed a second factor: the host's cookie says so, and the admin area requires it.</summary>
    public bool SecondFactorPassed { get; init; }

    /// <summary>Set instead of a session (<see cref="SessionId"/> empty) when the password was right and a second factor is on.</summary>
    public SecondFactorRequired? SecondFactorRequired { get; init; }

    /// <summary>Staff and admins without an authenticator app yet: the host sends them to set one up first.</summary>
    public bool MustSetUpAuthenticator { get; init; }

    /// <summary>After a code, when "trust this browser" was asked: the host keeps it in a long-lived cookie.</summary>
    public string? TrustedBrowserToken { get; init; }

    /// <summary>
    /// With every new session: the host keeps it in a long-lived cookie and sends it back with the sign-in steps, so
    /// that this browser's tries are counted on their own and a lock of the whole account (which strangers can cause
    /// by guessing from many networks) does not keep its owner out. It proves nothing by itself.
    /// </summary>
    public string? KnownDeviceToken { get; init; }
}
