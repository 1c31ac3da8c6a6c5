using Microsoft.Extensions.Options;

namespace PatientPortal.Host.Infrastructure;

/// <summary>
/// The settings the portal cannot serve without outside Development: its public address (every emailed link is built
/// from it, never from a Host header) and the certificate that encrypts the key ring at rest. A missing one stops the
/// start with a message naming it, rather than a 500 on the first request that needs it. The `migrate` command needs neither.
/// </summary>
internal sealed class RequiredSettings
{
    public const string PublicUrl = "Portal:PublicUrl";
    public const string KeyRingCertificate = "DataProtection:CertificatePath";
    public const string KeyRingCertificatePassword = "DataProtection:CertificatePassword";

    public string? PublicUrlValue { get; set; }
    public string? KeyRingCertificateValue { get; set; }

    public static void Register(IServiceCollection services, IWebHostEnvironment environment)
    {
        var development = environment.IsDevelopment();
        services.AddOptions<RequiredSettings>()
            .Configure<IConfiguration>((s, configuration) =>
            {
                s.PublicUrlValue = configuration[PublicUrl];
                s.KeyRingCertificateValue = configuration[KeyRingCertificate];
            })
            .Validate(s => development || (Uri.TryCreate(s.PublicUrlValue, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps),
                $"Set {PublicUrl} to the portal's public https address (for example https://portail.clinique.example): every emailed link is built from it.")
            .Validate(s => development || !string.IsNullOrWhiteSpace(s.KeyRingCertificateValue),
                $"Set {KeyRingCertificate} (and {KeyRingCertificatePassword}) to a PFX certificate with its private key: it encrypts the " +
                "Data Protection keys stored in the Accounts database, so that a copy of that database cannot forge sign-in cookies.")
            .ValidateOnStart();
    }

    /// <summary>Checks now, before start-up tasks queue mail with links (ValidateOnStart alone would wait for the server to start).</summary>
    public static void Check(IServiceProvider services) => services.GetRequiredService<IStartupValidator>().Validate();
}
