using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace PatientPortal.Modules.Accounts.Security;

/// <summary>Random secrets for links and codes, and the hashes we store instead of them.</summary>
internal static class Secrets
{
    /// <summary>256 random bits, URL-safe: the secret in an emailed link.</summary>
    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Six random digits, for a code a person types.</summary>
    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>A code is short, so its hash is salted with the record it belongs to.</summary>
    public static string HashCode(Guid owner, string code) => Hash(owner.ToString("N") + ":" + DigitsOnly(code));

    public static bool CodeMatches(Guid owner, string? code, string expectedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashCode(owner, code ?? "")), Encoding.ASCII.GetBytes(expectedHash));

    public static string DigitsOnly(string value) => new(value.Where(char.IsAsciiDigit).ToArray());
}
