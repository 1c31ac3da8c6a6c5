using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using PatientPortal.Testing;
using Shouldly;

namespace PatientPortal.Host.Tests.Localization;

public sealed class CultureSelectionTests : IAsyncLifetime
{
    private PortalFactory _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalFactory.CreateAsync();

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task A_visitor_with_no_preference_gets_the_clinic_s_default_French()
    {
        var page = await Page.GetAsync(Client(_portal), "/login");

        page.Language.ShouldBe("fr-CA");
        page.Text("page-title").ShouldBe("Portail patient");
        page.Text("login").ShouldBe("Connexion");
        page.Text("create-account").ShouldBe("Créer un compte");
        page.Text("language-toggle").ShouldBe("English");
    }

    [Theory]
    [InlineData("en-US", "en-CA")]
    [InlineData("en-GB,en;q=0.9", "en-CA")]
    [InlineData("de-DE, en;q=0.5", "en-CA")]
    [InlineData("fr-FR", "fr-CA")]
    [InlineData("es, en;q=0.1, fr;q=0.8", "fr-CA")]
    [InlineData("de-DE", "fr-CA")]
    public async Task The_browser_s_language_picks_French_or_English(string acceptLanguage, string expected)
    {
        var page = await Page.GetAsync(Client(_portal), "/login", acceptLanguage);

        page.Language.ShouldBe(expected);
    }

    [Fact]
    public async Task The_toggle_stores_the_choice_and_it_wins_over_the_browser()
    {
        var client = Client(_portal);
        var french = await Page.GetAsync(client, "/forgot-password");

        var response = await PostLanguageAsync(client, "en", "/forgot-password", french.AntiforgeryToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/forgot-password");
        var english = await Page.GetAsync(client, "/forgot-password", "fr-CA");
        english.Language.ShouldBe("en-CA");
        english.Text("page-title").ShouldBe("Forgot your password?");
        english.Text("reset-password").ShouldBe("Reset Password");
        english.Text("language-toggle").ShouldBe("Français");
    }

    [Fact]
    public async Task The_toggle_never_redirects_off_the_portal()
    {
        var client = Client(_portal);
        var page = await Page.GetAsync(client, "/login");

        var response = await PostLanguageAsync(client, "en", "https://evil.example/", page.AntiforgeryToken);

        response.Headers.Location!.ToString().ShouldBe("/");
    }

    [Fact]
    public async Task The_toggle_refuses_a_post_without_the_antiforgery_token()
    {
        var client = Client(_portal);

        var response = await PostLanguageAsync(client, "en", "/", token: null);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Page.GetAsync(client, "/login")).Language.ShouldBe("fr-CA");
    }

    [Fact]
    public async Task A_clinic_can_make_English_its_default()
    {
        await using var portal = await PortalFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Clinic:DefaultCulture"] = "en-CA" });

        var page = await Page.GetAsync(Client(portal), "/login", "de-DE");

        page.Language.ShouldBe("en-CA");
    }

    private static HttpClient Client(PortalFactory portal) => portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static Task<HttpResponseMessage> PostLanguageAsync(HttpClient client, string language, string returnUrl, string? token)
    {
        var form = new Dictionary<string, string> { ["language"] = language, ["returnUrl"] = returnUrl };
        if (token is not null)
        {
            form["__RequestVerificationToken"] = token;
        }

        return client.PostAsync("/Language", new FormUrlEncodedContent(form));
    }
}
