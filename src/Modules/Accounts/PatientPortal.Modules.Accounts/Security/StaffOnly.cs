namespace PatientPortal.Modules.Accounts.Security;

/// <summary>Who may invite patients and see the invitations: staff and admins.</summary>
internal static class StaffOnly
{
    public static bool Allows(ICurrentAccount current) =>
        current.AccountId is not null && (current.IsInRole(Roles.Staff) || current.IsInRole(Roles.Admin));
}
