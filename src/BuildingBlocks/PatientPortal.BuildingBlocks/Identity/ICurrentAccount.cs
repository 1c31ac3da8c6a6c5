namespace PatientPortal.BuildingBlocks.Identity;

/// <summary>Who is asking: the signed-in account, as the host knows it. Handlers authorize against it, never against form ids.</summary>
public interface ICurrentAccount
{
    Guid? AccountId { get; }

    bool IsAuthenticated => AccountId is not null;

    bool IsInRole(string role);

    /// <summary>
    /// This session passed a second factor (the server's record of the session, not only the cookie's word). Staff and
    /// admin checks require it: a role alone is a password alone.
    /// </summary>
    bool SecondFactorPassed { get; }

    /// <summary>
    /// The name the session was opened with (the header shows it), or null. For the access log's "who" (ADR 0019): a
    /// staff reader is named as they were when they read.
    /// </summary>
    string? DisplayName => null;

    /// <summary>Where the request comes from: the client's network (an IPv4 address, or an IPv6 /64), for throttling.</summary>
    string Source { get; }
}
