using System.Security.Cryptography;

namespace PatientPortal.Modules.Accounts.Security;

/// <summary>
/// Recovery codes: ten random characters (50 bits) from an alphabet without look-alikes, shown as XXXXX-XXXXX. Their
/// entropy and the lockout make a fast salted hash enough; typing is forgiving (case, spaces and dashes ignored).
/// </summary>
internal static class RecoveryCodes
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string New()
    {
        var chars = Enumerable.Range(0, 10).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray();
        return new string(chars, 0, 5) + "-" + new string(chars, 5, 5);
    }

    public static string Normalize(string? code) => new((code ?? "").Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    public static bool LooksLikeOne(string? code) => Normalize(code).Length == 10;

    public static string Hash(Guid accountId, string code) => Secrets.Hash(accountId.ToString("N") + ":recovery:" + Normalize(code));
}
