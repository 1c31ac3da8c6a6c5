using Shouldly;

namespace PatientPortal.Host.Tests.Localization;

/// <summary>Issue 11, bilingual parity: every email the portal sends exists in French and in English (ADR 0021).</summary>
public sealed class EmailTemplateParityTests
{
    private static List<string> Templates() =>
        BilingualParity.SourceFiles("*.txt").Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "Emails").ToList();

    [Fact]
    public void The_templates_of_every_module_are_found()
    {
        var modules = Templates().Select(t => t.Split(Path.DirectorySeparatorChar).First(p => p.StartsWith("PatientPortal.", StringComparison.Ordinal))).Distinct().ToList();

        modules.ShouldBe(
            ["PatientPortal.Modules.Accounts", "PatientPortal.Modules.Appointments", "PatientPortal.Modules.Inbox", "PatientPortal.Modules.Profiles"],
            ignoreOrder: true);
    }

    [Fact]
    public void Every_email_template_exists_in_both_languages_with_the_same_values_and_links()
    {
        var problems = BilingualParity.EmailProblems(Templates());

        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    [Fact]
    public void A_template_in_one_language_only_is_reported()
    {
        var folder = Directory.CreateTempSubdirectory("parity-emails-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "Welcome.en.txt"), "Subject: Welcome\n\nHello {Name}");

            BilingualParity.EmailProblems(Directory.GetFiles(folder.FullName)).ShouldHaveSingleItem().ShouldEndWith("Welcome: no French template");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Different_values_links_or_a_missing_subject_are_reported()
    {
        const string english = "Subject: Your appointment — {Clinic}\n\nHello {Name},\n\n[Confirm]({ConfirmLink}) [Cancel]({CancelLink})";
        const string french = "Sujet : Votre rendez-vous\n\nBonjour {Nom},\n\n[Confirmer]({ConfirmLink})";

        var problems = BilingualParity.CompareEmails("Booked", english, french).ToList();

        problems.ShouldBe([
            "Booked: the French template does not start with a 'Subject:' line",
            "Booked: values {Clinic,Name,ConfirmLink,CancelLink} in English and {Nom,ConfirmLink} in French",
            "Booked: links to [{CancelLink}, {ConfirmLink}] in English and [{ConfirmLink}] in French",
        ]);
    }
}
