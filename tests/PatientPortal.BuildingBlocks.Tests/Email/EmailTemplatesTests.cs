using System.Globalization;
using PatientPortal.BuildingBlocks.Email;
using Shouldly;

namespace PatientPortal.BuildingBlocks.Tests.Email;

public sealed class EmailTemplatesTests
{
    private static RenderedEmail Render(string culture, string name, string link = "https://portal.example/activate?code=a&b=1") =>
        EmailTemplates.Render(typeof(EmailTemplatesTests).Assembly, "Welcome", CultureInfo.GetCultureInfo(culture),
            new Dictionary<string, string> { ["Name"] = name, ["Clinic"] = "Clinique Saint-Laurent", ["Link"] = link });

    [Fact]
    public void An_email_is_rendered_in_the_recipient_s_language()
    {
        var french = Render("fr-CA", "Héloïse");
        var english = Render("en-CA", "Héloïse");

        french.Subject.ShouldBe("Bienvenue à la Clinique Saint-Laurent, Héloïse");
        french.TextBody.ShouldContain("Activer votre compte: https://portal.example/activate?code=a&b=1");
        french.Culture.ShouldBe("fr-CA");
        english.Subject.ShouldBe("Welcome to Clinique Saint-Laurent, Héloïse");
        english.HtmlBody.ShouldContain("<a href=\"https://portal.example/activate?code=a&amp;b=1\"");
        english.HtmlBody.ShouldContain(">Activate Your Account</a>");
        english.HtmlBody.ShouldStartWith("<!DOCTYPE html><html lang=\"en\">");
    }

    [Fact]
    public void Values_are_encoded_in_HTML_and_can_never_add_a_link()
    {
        var email = Render("en-CA", "<script>x</script> [Click me](https://evil.example)");

        email.HtmlBody.ShouldContain("&lt;script&gt;x&lt;/script&gt;");
        email.HtmlBody.ShouldNotContain("<script>");
        email.HtmlBody.ShouldNotContain("href=\"https://evil.example\"");
        email.TextBody.ShouldContain("[Click me](https://evil.example)");
        email.TextBody.ShouldNotContain("Click me: https://evil.example");
    }

    [Fact]
    public void A_line_break_in_a_value_cannot_reach_the_subject_header()
    {
        Render("en-CA", "Ada\r\nBcc: victim@example.com").Subject.ShouldBe("Welcome to Clinique Saint-Laurent, Ada Bcc: victim@example.com");
    }

    [Fact]
    public void A_missing_value_is_a_programming_error()
    {
        Should.Throw<InvalidOperationException>(() =>
            EmailTemplates.Render(typeof(EmailTemplatesTests).Assembly, "Welcome", CultureInfo.GetCultureInfo("en-CA"), new Dictionary<string, string>()))
            .Message.ShouldContain("'Clinic'");
    }

    [Theory]
    [InlineData("someone@example.com\r\nBcc: victim@example.com")]
    [InlineData("Someone <someone@example.com>")]
    [InlineData("not an address")]
    [InlineData("a@example.com, b@example.com")]
    [InlineData("friends: a@example.com;")]
    [InlineData("a@example.com (comment)")]
    [InlineData("nobody")]
    public void A_recipient_must_be_one_plain_address(string to)
    {
        Should.Throw<ArgumentException>(() => QueuedEmail.Create(to, Render("en-CA", "Ada"), DateTimeOffset.UnixEpoch));
    }

    // Addresses the portal accepted before MimeKit checked them must still get their mail.
    [Theory]
    [InlineData("heather.milner@example.com")]
    [InlineData("josée.tremblay@exemple.ca")]
    [InlineData("patient@clinique-é.ca")]
    [InlineData("patient@xn--clinique--f7a.ca")]
    [InlineData("o'neil+portail@example.com")]
    public void International_and_unusual_but_valid_addresses_are_accepted(string to)
    {
        QueuedEmail.Create(to, Render("en-CA", "Ada"), DateTimeOffset.UnixEpoch).To.ShouldBe(to);
    }
}
