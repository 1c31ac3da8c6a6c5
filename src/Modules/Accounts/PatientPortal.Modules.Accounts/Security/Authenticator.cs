using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using OtpNet;
using QRCoder;

namespace PatientPortal.Modules.Accounts.Security;

/// <summary>
/// Authenticator-app keys (RFC 6238: SHA-1, 6 digits, 30 s): made here, stored protected by Data Protection under a
/// purpose of their own (a database dump alone does not give them away), and checked with ±1 step of drift at most.
/// </summary>
internal sealed class Authenticator(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("PatientPortal.Accounts.AuthenticatorKey.v1");

    // ±1 step (30 s each way): a phone a little off still works, and a code lives 90 s at most. Identity allows ±90 s.
    private static readonly VerificationWindow Drift = new(previous: 1, future: 1);

    /// <summary>160 random bits (RFC 4226's recommended length), as the Base32 text the apps read.</summary>
    public static string NewKey() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));

    public string Protect(string base32Key) => _protector.Protect(base32Key);

    public string Unprotect(string protectedKey) => _protector.Unprotect(protectedKey);

    /// <summary>A key being set up is protected for one session: only that session can read it back.</summary>
    public string ProtectPending(string base32Key, Guid sessionId) => Pending(sessionId).Protect(base32Key);

    /// <returns>The key, or null when it was set up from another session (or the key ring changed).</returns>
    public string? UnprotectPending(string protectedKey, Guid sessionId)
    {
        try
        {
            return Pending(sessionId).Unprotect(protectedKey);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private IDataProtector Pending(Guid sessionId) => _protector.CreateProtector("pending", sessionId.ToString("N"));

    /// <returns>The time step the code belongs to, or null when it matches none within the drift.</returns>
    public static long? MatchingStep(string base32Key, string? code, DateTimeOffset now)
    {
        var digits = Secrets.DigitsOnly(code ?? "");
        if (digits.Length != 6 || base32Key.Length == 0)
        {
            return null;
        }

        var totp = new Totp(Base32Encoding.ToBytes(base32Key));
        return totp.VerifyTotp(now.UtcDateTime, digits, out var step, Drift) ? step : null;
    }

    /// <summary>The key as a person types it: groups of four.</summary>
    public static string Grouped(string base32Key) =>
        string.Join(' ', base32Key.Chunk(4).Select(c => new string(c)));

    /// <summary>
    /// The otpauth:// address the QR code holds (Key Uri Format): the clinic as issuer, the email as the label. The
    /// defaults (SHA-1, 6 digits, 30 s) are left out: every app assumes them, and a shorter address is an easier QR code.
    /// </summary>
    public static string Uri(string issuer, string email, string base32Key)
    {
        var label = System.Uri.EscapeDataString(issuer) + ":" + System.Uri.EscapeDataString(email);
        return string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{label}?secret={base32Key}&issuer={System.Uri.EscapeDataString(issuer)}");
    }

    /// <summary>The QR code as a PNG data: address (rendered here; the page's content security policy allows data: images, no script).</summary>
    public static string QrCodeDataUri(string content)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
