using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PatientPortal.Modules.Accounts.Security;

/// <summary>
/// A keyed hash (HMAC-SHA256) for secrets we store only the hash of and that are too short to resist guessing on their
/// own (recovery codes, and anything the module hashes to look up later). The key, <c>Accounts:HashKey</c>, lives
/// outside the database (configuration, a mounted secret): a copy of the database alone cannot test a single guess.
/// One instance for the whole module (a singleton), so any slice or helper can take it.
/// </summary>
internal sealed class Pepper(byte[] key)
{
    public const string Setting = AccountsOptions.Section + ":" + nameof(AccountsOptions.HashKey);

    public const int MinimumKeyBytes = 32;

    /// <summary>
    /// The key Development and the tests use when none is configured. It is in the source code, so it protects nothing:
    /// outside Development it is refused like a missing key.
    /// </summary>
    public const string DevelopmentKey = "REVWRUxPUE1FTlQtT05MWSBQYXRpZW50UG9ydGFsIGhhc2gga2V5OiBuZXZlciBpbiBwcm9kdWN0aW9u";

    public const string Requirement =
        $"Set {Setting} to a random key of at least 32 bytes, in base64 (for example the output of `openssl rand -base64 32`), " +
        "kept outside the database like a password: it keys the hashes of recovery codes, so that a copy of the Accounts " +
        "database cannot be used to test guesses against them. Changing it makes every stored recovery code unusable.";

    /// <summary>Upper-case hex, 64 characters: the same shape as the unkeyed hashes, so the columns fit either.</summary>
    public string Hash(string value) => Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value)));

    /// <returns>The key bytes, or null when the setting is missing, not base64, too short, or the development key outside Development.</returns>
    public static byte[]? KeyFrom(string? configured, bool development)
    {
        var text = string.IsNullOrWhiteSpace(configured) ? (development ? DevelopmentKey : null) : configured.Trim();
        if (text is null || (!development && text == DevelopmentKey))
        {
            return null;
        }

        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text, bytes, out var length) && length >= MinimumKeyBytes ? bytes[..length] : null;
    }

    /// <summary>Registers the pepper, and the start-up check that refuses a missing or weak key (the host runs it before serving).</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddOptions<AccountsOptions>()
            .Validate<IServiceProvider>((o, sp) => KeyFrom(o.HashKey, IsDevelopment(sp)) is not null, Requirement)
            .ValidateOnStart();
        services.AddSingleton(sp => new Pepper(
            KeyFrom(sp.GetRequiredService<IOptions<AccountsOptions>>().Value.HashKey, IsDevelopment(sp))
            ?? throw new InvalidOperationException(Requirement)));
    }

    // Without a host (a tool, a test's bare container) nothing says Development: a key must then be configured.
    private static bool IsDevelopment(IServiceProvider services) => services.GetService<IHostEnvironment>()?.IsDevelopment() == true;
}
