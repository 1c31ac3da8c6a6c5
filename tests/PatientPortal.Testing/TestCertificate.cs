using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PatientPortal.Testing;

/// <summary>A self-signed certificate (PFX with a password), made once per test run, to protect the key ring at rest outside Development.</summary>
public static class TestCertificate
{
    public const string Password = "portal-tests";

    private static readonly Lazy<string> File = new(Create);

    public static string Path => File.Value;

    private static string Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=PatientPortal tests key ring", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "patientportal-tests");
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, $"key-ring-{Guid.NewGuid():N}.pfx");
        System.IO.File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
