namespace PatientPortal.E2E.Crawl;

/// <summary>The leak finder itself, without a browser: what it catches and what it lets through (ADR 0021).</summary>
public sealed class LanguageLeaksTests
{
    [Fact]
    public void English_labels_and_sentences_are_caught_on_a_French_page()
    {
        var leaks = LanguageLeaks.Find("fr", ["Prendre un rendez-vous", "Book an appointment", "Please check the form", "Dernier changement : 5 février 2024"]);

        leaks.Count.ShouldBe(2, string.Join("\n", leaks));
        leaks[0].ShouldContain("Book an appointment");
        leaks[1].ShouldContain("Please check the form");
    }

    [Fact]
    public void French_labels_and_sentences_are_caught_on_an_English_page()
    {
        var leaks = LanguageLeaks.Find("en", ["Book an appointment", "Prendre un rendez-vous", "Merci de confirmer avec nous"]);

        leaks.Count.ShouldBe(2, string.Join("\n", leaks));
    }

    [Fact]
    public void Words_the_same_in_both_languages_names_and_partial_words_are_not_leaks()
    {
        // "Date", "Documents", "Message" are French too; "Français" is the English toggle's label; "Saved" is not "Save".
        LanguageLeaks.Find("fr", ["Date", "Documents", "Message", "English", "Heather Milner", "heather.milner@example.com", "Dr. Medfar Solutions"]).ShouldBeEmpty();
        LanguageLeaks.Find("en", ["Date", "Documents", "Français", "Nathan Milner (2017-02-18)"]).ShouldBeEmpty();
    }

    [Fact]
    public void The_words_come_from_every_resource_of_the_repository()
    {
        LanguageLeaks.Forbidden("fr").ShouldContain("Upcoming Appointments");
        LanguageLeaks.Forbidden("en").ShouldContain("Prochains rendez-vous");
        LanguageLeaks.Forbidden("fr").ShouldNotContain("Date");
    }
}
