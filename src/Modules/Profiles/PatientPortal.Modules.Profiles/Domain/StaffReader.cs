using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Profiles.Domain;

/// <summary>
/// A staff reader as the access log names them (ADR 0019): their role (Admin or Staff; anything else, a patient account
/// that tried a staff page, says "None") and the name of their session. A snapshot: the log says who read, as they were.
/// </summary>
internal sealed record StaffReader(string Role, string Name)
{
    public static StaffReader Of(ICurrentAccount current) => new(
        current.IsInRole(Roles.Admin) ? Roles.Admin : current.IsInRole(Roles.Staff) ? Roles.Staff : "None",
        current.DisplayName ?? "");
}
