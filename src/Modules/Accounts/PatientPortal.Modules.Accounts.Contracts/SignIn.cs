using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.Modules.Accounts.Contracts;

public static class Roles
{
    public const string Patient = "Patient";
    public const string Staff = "Staff";
    public const string Admin = "Admin";
}

/// <summary>A new server-side session: the host puts its id in the authentication cookie.</summary>
public sealed record SignedIn(Guid AccountId, Guid SessionId, string Email, string DisplayName, string Role, string Language);

/// <summary>Email and password. Wrong email, wrong password and a locked account all fail the same way.</summary>
public sealed record SignIn(string Email, string Password, string? UserAgent) : IRequest<Result<SignedIn>>;

/// <summary>Checks the session behind a cookie on every request (revoked, idle or too old: refused) and marks it used.</summary>
public sealed record TouchSession(Guid SessionId) : IRequest<Result<SignedIn>>;

/// <summary>Ends the current session on the server, so a copied cookie stops working.</summary>
public sealed record SignOut(Guid SessionId) : IRequest<Result>;

/// <summary>Stores the language the signed-in account chose; every email it receives uses it.</summary>
public sealed record SetPreferredLanguage(string Language) : IRequest<Result>;

/// <summary>"Sign out of all other sessions": every session of the signed-in account but this one ends.</summary>
public sealed record SignOutOtherSessions(Guid CurrentSessionId) : IRequest<Result>;
