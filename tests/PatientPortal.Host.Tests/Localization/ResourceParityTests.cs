using Shouldly;

namespace PatientPortal.Host.Tests.Localization;

/// <summary>Issue 11, bilingual parity: no label exists in one language only (ADR 0021).</summary>
public sealed class ResourceParityTests
{
    [Fact]
    public void Every_resource_file_of_the_repository_is_found()
    {
        var files = BilingualParity.SourceFiles("*.resx").ToList();

        files.ShouldContain(f => f.EndsWith(Path.Combine("Resources", "SharedResource.resx"), StringComparison.Ordinal));
        files.ShouldContain(f => f.EndsWith(Path.Combine("Resources", "SharedResource.fr.resx"), StringComparison.Ordinal));
    }

    [Fact]
    public void Every_resource_key_has_a_French_and_an_English_value_with_the_same_placeholders()
    {
        var problems = BilingualParity.ResourceProblems(BilingualParity.SourceFiles("*.resx"));

        problems.ShouldBeEmpty(string.Join("\n", problems));
    }

    [Fact]
    public void A_missing_empty_or_mismatched_translation_is_reported()
    {
        var english = new Dictionary<string, string> { ["A"] = "Book", ["B"] = "Hello {0}", ["C"] = "Only English", ["D"] = "Save" };
        var french = new Dictionary<string, string> { ["A"] = "Réserver", ["B"] = "Bonjour", ["D"] = "  " };

        var problems = BilingualParity.Compare("Test", english, french).ToList();

        problems.ShouldBe([
            "Test: 'B' has placeholders {0} in English and {} in French",
            "Test: 'C' has no French value",
            "Test: 'D' has no French value",
        ]);
    }

    [Fact]
    public void A_resource_without_its_French_file_is_reported()
    {
        var folder = Directory.CreateTempSubdirectory("parity-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "Labels.resx"),
                "<root><data name=\"Save\" xml:space=\"preserve\"><value>Save</value></data></root>");
            File.WriteAllText(Path.Combine(folder.FullName, "Other.fr.resx"),
                "<root><data name=\"Save\" xml:space=\"preserve\"><value>Enregistrer</value></data></root>");

            var problems = BilingualParity.ResourceProblems(Directory.GetFiles(folder.FullName));

            problems.Count.ShouldBe(2);
            problems.ShouldContain(p => p.EndsWith("Labels: no French file", StringComparison.Ordinal));
            problems.ShouldContain(p => p.EndsWith("Other: no English file", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
