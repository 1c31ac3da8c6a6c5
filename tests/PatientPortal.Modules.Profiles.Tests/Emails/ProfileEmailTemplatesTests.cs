using System.Globalization;
using System.Text.RegularExpressions;
using PatientPortal.BuildingBlocks.Email;

namespace PatientPortal.Modules.Profiles.Tests.Emails;

/// <summary>Every Profiles email exists in French and English, with the same values, and says nothing from the file.</summary>
public sealed partial class ProfileEmailTemplatesTests
{
    private static readonly System.Reflection.Assembly Module = typeof(ProfilesModule).Assembly;

    private static IEnumerable<string> Names() =>
        Module.GetManifestResourceNames().Where(r => r.EndsWith(".en.txt", StringComparison.Ordinal))
            .Select(r => r[(r.IndexOf(".Emails.", StringComparison.Ordinal) + ".Emails.".Length)..^".en.txt".Length]);

    public static TheoryData<string> Templates() => new(Names());

    [Fact]
    public void The_age_of_consent_and_consent_emails_are_all_there() =>
        Names().Order().ShouldBe(
            ["AgeOfConsentReachedPatient", "AgeOfConsentReachedPatientNoAccount", "AgeOfConsentReachedProxy", "AgeOfConsentSoon",
             "ConnectionApproved", "ConnectionRefused", "ConsentApproved", "ConsentDeclined", "ConsentRequested", "ProfileUpdatedByProxy", "ProxyAccessToApprove"]);

    [Theory]
    [MemberData(nameof(Templates))]
    public void Each_renders_in_both_languages_with_the_same_values(string template)
    {
        var values = new Dictionary<string, string>
        {
            ["Name"] = "Heather", ["Patient"] = "Nathan", ["Age"] = "14", ["Date"] = "18 février 2031", ["Person"] = "Nathan Milner", ["Requester"] = "Heather Milner", ["Holder"] = "Heather Milner", ["Proxy"] = "Heather Milner", ["Clinic"] = "Clinique", ["Link"] = "https://portal.test/",
        };

        var english = EmailTemplates.Render(Module, template, CultureInfo.GetCultureInfo("en-CA"), values);
        var french = EmailTemplates.Render(Module, template, CultureInfo.GetCultureInfo("fr-CA"), values);

        Placeholders(Raw(template, "en")).ShouldBe(Placeholders(Raw(template, "fr")));
        english.Subject.ShouldNotBeNullOrWhiteSpace();
        french.Subject.ShouldNotBe(english.Subject);
        french.TextBody.ShouldStartWith("Bonjour Heather,");
        english.TextBody.ShouldStartWith("Hello Heather,");
    }

    private static string Raw(string template, string language)
    {
        using var stream = Module.GetManifestResourceStream(Module.GetManifestResourceNames().Single(r => r.EndsWith($".Emails.{template}.{language}.txt", StringComparison.Ordinal)))!;
        return new StreamReader(stream).ReadToEnd();
    }

    private static List<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).Distinct().Order().ToList();

    [GeneratedRegex(@"\{[A-Za-z]+\}")]
    private static partial Regex Placeholder();
}
