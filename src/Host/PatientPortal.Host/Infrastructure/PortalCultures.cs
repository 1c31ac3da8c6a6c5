using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace PatientPortal.Host.Infrastructure;

/// <summary>
/// The portal speaks Canadian French and Canadian English. The visitor's choice (the language toggle's cookie)
/// wins, then the browser's Accept-Language (any French or English variant), then the clinic's default.
/// </summary>
public static class PortalCultures
{
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-CA");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-CA");
    public static readonly IReadOnlyList<CultureInfo> Supported = [French, English];

    public static CultureInfo? FromLanguage(string? language) => language?.Trim().ToLowerInvariant() switch
    {
        "fr" or "fr-ca" => French,
        "en" or "en-ca" => English,
        _ => null,
    };

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services, ClinicOptions clinic)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var fallback = FromLanguage(clinic.DefaultCulture) ?? French;
            o.DefaultRequestCulture = new RequestCulture(fallback);
            o.SupportedCultures = [.. Supported];
            o.SupportedUICultures = [.. Supported];
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new AcceptLanguageProvider(),
            ];
        });
        return services;
    }

    /// <summary>Maps any French or English variant the browser asks for (fr-FR, en-US, …) to the portal's culture.</summary>
    private sealed class AcceptLanguageProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var header = httpContext.Request.Headers.AcceptLanguage.ToString();
            if (!StringWithQualityHeaderValue.TryParseList(header.Split(','), out var languages))
            {
                return NullProviderCultureResult;
            }

            var match = languages
                .Where(l => l.Quality is null or > 0)
                .OrderByDescending(l => l.Quality ?? 1)
                .Select(l => FromLanguage(l.Value.Value?.Split('-')[0]))
                .FirstOrDefault(c => c is not null);
            return Task.FromResult(match is null ? null : new ProviderCultureResult(match.Name));
        }
    }
}
