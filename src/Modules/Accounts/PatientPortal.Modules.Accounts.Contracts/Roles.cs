namespace PatientPortal.Modules.Accounts.Contracts;

public static class Roles
{
    public const string Patient = "Patient";
    public const string Staff = "Staff";
    public const string Admin = "Admin";
}
