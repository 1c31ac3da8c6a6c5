using System.Collections.Concurrent;
using OtpNet;

namespace PatientPortal.E2E.Pages;

/// <summary>
/// The phone's authenticator app: it keeps the keys the set-up page showed (per portal and account, since the tests
/// share one portal) and shows codes. The portal accepts each 30-second code once and one step of drift, so the app
/// gives the next unused step and waits when that one is not due yet, as a person would wait for the next code.
/// </summary>
internal sealed class AuthenticatorApp
{
    private static readonly ConcurrentDictionary<string, AuthenticatorApp> Apps = new();

    private readonly Totp _totp;
    private long _lastStep;

    private AuthenticatorApp(string key) => _totp = new Totp(Base32Encoding.ToBytes(key));

    public static AuthenticatorApp Add(IPage page, string email, string key) =>
        Apps[Name(page, email)] = new AuthenticatorApp(key.Replace(" ", "", StringComparison.Ordinal));

    public static AuthenticatorApp? Find(IPage page, string email) => Apps.GetValueOrDefault(Name(page, email));

    /// <summary>A code of a step no code of this app has been used for.</summary>
    public async Task<string> NextCodeAsync()
    {
        var now = Step(DateTime.UtcNow);
        var step = Math.Max(now, _lastStep + 1);
        if (step > now + 1)
        {
            // Two steps ahead would be refused: wait until it is only one ahead.
            await Task.Delay(TimeSpan.FromSeconds((step - 1) * 30 - DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1));
        }

        _lastStep = step;
        return _totp.ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30).UtcDateTime);
    }

    /// <summary>The code already used last: what a replay would send.</summary>
    public string LastCode() => _totp.ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(_lastStep * 30).UtcDateTime);

    private static long Step(DateTime utc) => new DateTimeOffset(utc).ToUnixTimeSeconds() / 30;

    private static string Name(IPage page, string email) => new Uri(page.Url).Authority + "|" + email.ToUpperInvariant();
}
