using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using PatientPortal.Testing;
using Shouldly;

namespace PatientPortal.Host.Tests.Localization;

/// <summary>Issue 11, item 4: the in-app user guide, in French and English, open to anyone (ADR 0021).</summary>
public sealed class UserGuideTests : IAsyncLifetime
{
    private static readonly string[] Sections =
        ["sign-up", "log-in", "two-step", "dashboard", "connections", "booking", "emergency", "inbox", "settings", "who-saw", "session", "languages"];

    private PortalFactory _portal = null!;

    public async Task InitializeAsync() => _portal = await PortalFactory.CreateAsync();

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Theory]
    [InlineData("fr-CA", "Guide d'utilisation", "Prendre un rendez-vous")]
    [InlineData("en-CA", "User guide", "Book an appointment")]
    public async Task A_visitor_who_is_not_logged_in_reads_the_whole_guide_in_their_language(string language, string title, string bookLabel)
    {
        var page = await Page.GetAsync(Client(), "/user-guide", language);

        page.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Language.ShouldBe(language);
        page.Text("page-title").ShouldBe(title);
        page.Document.QuerySelectorAll("section.guide-section").Select(s => s.Id).ShouldBe(Sections);
        // The table of contents links to every section, and every section says something.
        page.Document.QuerySelectorAll(".guide-contents a").Select(a => a.GetAttribute("href")).ShouldBe(Sections.Select(s => "#" + s));
        foreach (var section in page.Document.QuerySelectorAll("section.guide-section"))
        {
            section.TextContent.Trim().Length.ShouldBeGreaterThan(150, section.Id);
        }

        // The buttons are named as the screens name them (the labels come from the same resources).
        page.Document.QuerySelector("#booking")!.TextContent.ShouldContain(bookLabel);
    }

    [Fact]
    public async Task The_French_and_English_guides_have_the_same_structure()
    {
        var french = await Page.GetAsync(Client(), "/user-guide", "fr-CA");
        var english = await Page.GetAsync(Client(), "/user-guide", "en-CA");

        foreach (var selector in new[] { "h2", "h3", "li", "p", "a" })
        {
            french.Document.QuerySelectorAll($"[data-testid='user-guide-page'] {selector}").Length
                .ShouldBe(english.Document.QuerySelectorAll($"[data-testid='user-guide-page'] {selector}").Length, selector);
        }

        french.Text("user-guide-page").ShouldNotContain("Book an appointment");
        english.Text("user-guide-page").ShouldNotContain("Prendre un rendez-vous");
    }

    [Theory]
    [InlineData("fr-CA", "C'est votre première fois ici et vous avez besoin d'aide?", "Téléchargez le guide d'utilisation")]
    [InlineData("en-CA", "New to the portal and need help?", "Get the user guide")]
    public async Task The_login_page_leads_to_the_guide_with_the_guide_s_words(string language, string question, string button)
    {
        var page = await Page.GetAsync(Client(), "/login", language);

        page.Document.Body!.TextContent.ShouldContain(question);
        var link = page.Document.QuerySelectorAll("a[href='/user-guide']").ShouldHaveSingleItem();
        link.TextContent.Trim().ShouldBe(button);
    }

    private HttpClient Client() => _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
