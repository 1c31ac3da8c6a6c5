using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.Host.Infrastructure;
using PatientPortal.Testing;
using Shouldly;

namespace PatientPortal.Host.Tests.Errors;

public sealed class ErrorPageTests
{
    private const string Secret = "connection refused to 10.0.0.7 with password hunter2";

    [Theory]
    [InlineData("fr-CA", "Une erreur est survenue")]
    [InlineData("en-CA", "Something went wrong")]
    public async Task An_unexpected_failure_shows_a_localized_page_with_the_correlation_id_and_no_detail(string language, string title)
    {
        await using var portal = await PortalFactory.CreateAsync();
        portal.WithServices(services => services.AddTransient<IStartupFilter, ThrowingEndpoint>());
        var client = new PortalClient(portal, language);
        await client.SignInAsDemoPatientAsync();
        await client.SwitchLanguageAsync(language[..2]);

        var page = await client.GetAsync("/__test/throw");

        page.Response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        page.Text("page-title").ShouldBe(title);
        var correlationId = page.Response.Headers.GetValues(RequestTracing.Header).ShouldHaveSingleItem();
        page.Text("correlation-id").ShouldBe(correlationId);
        page.Document.DocumentElement.OuterHtml.ShouldNotContain("hunter2");
        page.Document.DocumentElement.OuterHtml.ShouldNotContain(nameof(InvalidOperationException));
        page.Response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("fr-CA", "Page introuvable")]
    [InlineData("en-CA", "Page not found")]
    public async Task An_unknown_address_gets_a_localized_not_found_page(string language, string title)
    {
        await using var portal = await PortalFactory.CreateAsync();
        var client = new PortalClient(portal, language);
        await client.SignInAsDemoPatientAsync();
        await client.SwitchLanguageAsync(language[..2]);

        var page = await client.GetAsync("/no-such-page");

        page.Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.Text("page-title").ShouldBe(title);
        page.Text("correlation-id").ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("fr-CA", "Demande refusée")]
    [InlineData("en-CA", "Request refused")]
    public async Task A_form_refused_for_its_antiforgery_token_gets_the_localized_page_not_a_blank_one(string language, string title)
    {
        await using var portal = await PortalFactory.CreateAsync();
        var client = new PortalClient(portal, language);
        await client.GetAsync("/login");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "a@example.com", ["Input.Password"] = "x" }),
        };
        request.Headers.Add("Accept-Language", language);

        var page = await Page.ParseAsync(await client.Http.SendAsync(request));

        page.Response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        page.Text("page-title").ShouldBe(title);
    }

    [Fact]
    public async Task When_the_accounts_database_fails_a_signed_in_visitor_is_sent_to_login_not_to_a_bare_500()
    {
        await using var portal = await PortalFactory.CreateAsync();
        var client = new PortalClient(portal);
        await client.SignInAsDemoPatientAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(portal.DataFolder, "accounts.db*"))
        {
            await File.WriteAllTextAsync(file, "this is not a database");
        }

        var response = await client.Http.GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldStartWith("https://localhost/login");
    }

    [Fact]
    public async Task Every_page_carries_the_security_headers()
    {
        await using var portal = await PortalFactory.CreateAsync();

        var response = await portal.CreateClient().GetAsync("/login");

        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
    }

    /// <summary>Adds, after the portal's own pipeline, an address that fails with a message full of secrets.</summary>
    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
                context.Request.Path == "/__test/throw" ? throw new InvalidOperationException(Secret) : nextMiddleware(context));
        };
    }
}
