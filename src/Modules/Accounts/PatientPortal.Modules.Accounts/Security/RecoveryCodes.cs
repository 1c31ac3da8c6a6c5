using System.Security.Cryptography;

namespace PatientPortal.Modules.Accounts.Security;

/// <summary>
/// Recovery codes: ten random characters (50 bits) from an alphabet without look-alikes, shown as XXXXX-XXXXX. Their
/// entropy, the lockout and a keyed hash (the <see cref="Pepper"/>, whose key is not in the database) make a fast hash
/// enough; typing is forgiving (case, spaces and dashes ignored).
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

    public static string Hash(Pepper pepper, Guid accountId, string code) => pepper.Hash(accountId.ToString("N") + ":recovery:" + Normalize(code));
}
