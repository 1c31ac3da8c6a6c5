namespace PatientPortal.Modules.Accounts.Contracts;

/// <summary>
/// The pages the module's emails (and the first admin's start-up message) link to. The module names the link it
/// needs; the host maps each name to its page, in one place.
/// </summary>
public enum AccountLink
{
    /// <summary>Activate the account: the Terms and Conditions.</summary>
    Activation,

    /// <summary>Choose a new password ("Forgot your password?").</summary>
    PasswordReset,

    /// <summary>Confirm a new email address with the code sent to the old one.</summary>
    EmailChange,

    /// <summary>Create an account from a clinic's invitation.</summary>
    Invitation,

    /// <summary>A new staff member (or the first admin) chooses a password.</summary>
    StaffPassword,
}

/// <summary>Implemented by the host: the path of the page behind each <see cref="AccountLink"/> (for example "/activate").</summary>
public interface IAccountLinks
{
    string PathOf(AccountLink link);
}
