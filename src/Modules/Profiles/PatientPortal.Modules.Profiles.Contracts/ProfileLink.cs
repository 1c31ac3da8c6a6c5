namespace PatientPortal.Modules.Profiles.Contracts;

/// <summary>The pages the module's emails link to. The module names the link; the host maps each name to its page, in one place.</summary>
public enum ProfileLink
{
    /// <summary>Connected Accounts: connect a profile, answer consent requests, see who can access my file.</summary>
    ConnectedAccounts,
}

/// <summary>Implemented by the host: the path of the page behind each <see cref="ProfileLink"/> (for example "/account/connections").</summary>
public interface IProfileLinks
{
    string PathOf(ProfileLink link);
}
