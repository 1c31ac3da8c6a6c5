using Microsoft.AspNetCore.Identity;

namespace PatientPortal.Modules.Accounts.Security;

/// <summary>Password and PIN hashing with ASP.NET Core Identity's PBKDF2 hasher (from the shared framework).</summary>
internal sealed class Credentials(IPasswordHasher<Account> hasher)
{
    // Verified against when the email is unknown, so a miss costs as long as a hit (no enumeration by timing).
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<Account>().HashPassword(null!, Guid.NewGuid().ToString()));

    public string Hash(string secret) => hasher.HashPassword(null!, secret);

    /// <returns>Whether it matched, and a stronger hash to store when the stored one is outdated.</returns>
    public (bool Matches, string? Rehash) Verify(Account? account, string? hash, string secret)
    {
        var result = hasher.VerifyHashedPassword(account!, hash ?? DecoyHash.Value, secret ?? "");
        return result switch
        {
            PasswordVerificationResult.Success => (hash is not null, null),
            PasswordVerificationResult.SuccessRehashNeeded => (hash is not null, hash is null ? null : Hash(secret!)),
            _ => (false, null),
        };
    }
}
