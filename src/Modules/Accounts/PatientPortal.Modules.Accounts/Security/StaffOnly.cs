namespace PatientPortal.Modules.Accounts.Security;

/// <summary>
/// Who may act as clinic staff. The role is not enough: the session must also have passed the second factor, as the
/// host's Staff policy asks, so a handler reached some other way (a new page, a job) cannot skip it.
/// </summary>
internal static class StaffOnly
{
    /// <summary>Staff and admins: invite patients and see the invitations.</summary>
    public static bool Allows(ICurrentAccount current) =>
        current.AccountId is not null && current.SecondFactorPassed && (current.IsInRole(Roles.Staff) || current.IsInRole(Roles.Admin));

    /// <summary>Admins only: the staff accounts themselves.</summary>
    public static bool AllowsAdmin(ICurrentAccount current) =>
        current.AccountId is not null && current.SecondFactorPassed && current.IsInRole(Roles.Admin);
}
