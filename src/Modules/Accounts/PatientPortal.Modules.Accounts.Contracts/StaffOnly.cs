using PatientPortal.BuildingBlocks.Identity;

namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>
/// Who may act as clinic staff, for every module's handlers. The role is not enough: the session must also have passed
/// the second factor, as the host's Staff policy asks, so a handler reached some other way (a new page, a job) cannot
/// skip it.
/// </summary>
public static class StaffOnly
{
    /// <summary>Staff and admins: invite patients, see the invitations, search and edit patient records.</summary>
    public static bool Allows(ICurrentAccount current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current.AccountId is not null && current.SecondFactorPassed && (current.IsInRole(Roles.Staff) || current.IsInRole(Roles.Admin));
    }

    /// <summary>Admins only: the staff accounts themselves.</summary>
    public static bool AllowsAdmin(ICurrentAccount current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current.AccountId is not null && current.SecondFactorPassed && current.IsInRole(Roles.Admin);
    }
}
