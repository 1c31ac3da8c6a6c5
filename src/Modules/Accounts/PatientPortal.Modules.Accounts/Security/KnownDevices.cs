using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace PatientPortal.Modules.Accounts.Security;

/// <summary>
/// A browser that has signed in to an address before carries a token saying so (a long-lived cookie). Its tries are
/// counted on their own (<see cref="Throttle.Device"/>) and the lock of the whole address does not stop it: whoever
/// guesses from many networks can lock out strangers, not the owner on their usual device. The token is protected
/// by Data Protection (nothing stored), names the address and the account's security stamp, and lasts
/// <see cref="Lifetime"/>: a password reset or change ends every token issued before (tokens someone hoarded while they
/// knew the old password). It proves nothing else (the password is still asked), and all the known devices of an
/// address share a daily cap too (<see cref="Throttle.KnownDevices"/>).
/// </summary>
internal sealed class KnownDevices(IDataProtectionProvider protection)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("PatientPortal.Accounts.KnownDevice.v1").ToTimeLimitedDataProtector();

    /// <summary>A new token for this address: a new device id, or the same one when the browser already had it.</summary>
    public string Issue(Account account, string? current)
    {
        var device = DeviceOf(current, account) ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        return _protector.Protect(Subject(account) + ":" + device, Lifetime);
    }

    /// <returns>The device's id, or null when the token is missing, expired, forged, for another address, or older than the password.</returns>
    public string? DeviceOf(string? token, Account account)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(token).Split(':');
            return parts is [var subject, var device] && subject == Subject(account) ? device : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static string Subject(Account account) => Secrets.Hash($"device:{account.NormalizedEmail}:{account.SecurityStamp:N}")[..32];
}
