using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks;
using PatientPortal.BuildingBlocks.Email;
using PatientPortal.Host.DevMailbox;
using PatientPortal.Testing;
using Shouldly;

namespace PatientPortal.Host.Tests.DevTools;

public sealed class DevMailboxTests
{
    private static QueuedEmail Email(string to) => QueuedEmail.Create(to,
        new RenderedEmail("fr-CA", "Activez votre compte — Clinique Saint-Laurent", "Bonjour Héloïse,\n\nActivez votre compte : http://localhost/activate?token=abc&x=1\n", "<p>Bonjour</p>"),
        DateTimeOffset.UtcNow);

    [Fact]
    public async Task In_Development_the_dev_mailbox_lists_sent_mail_with_its_links()
    {
        await using var portal = await PortalFactory.CreateAsync();
        var client = portal.CreateClient();
        var sender = portal.Services.GetRequiredService<IEmailSender>();
        await sender.SendAsync(Email("heloise@example.com"), CancellationToken.None);
        await sender.SendAsync(Email("someone.else@example.com"), CancellationToken.None);

        var page = await Page.GetAsync(client, "/dev/mailbox?to=heloise", "fr-CA");

        page.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelectorAll("[data-testid='mail']").Length.ShouldBe(1);
        page.Text("mail-subject").ShouldBe("Activez votre compte — Clinique Saint-Laurent");
        page.Text("mail-to").ShouldBe("heloise@example.com");
        page.Document.QuerySelector("[data-testid='mail-link']")!.GetAttribute("href").ShouldBe("http://localhost/activate?token=abc&x=1");
    }

    [Fact]
    public async Task The_eml_reader_decodes_what_our_sender_writes()
    {
        var folder = Path.Combine(Path.GetTempPath(), "patientportal-tests", Guid.NewGuid().ToString("N"));
        var sender = new PortalFactoryFreeSender(folder);
        await sender.SendAsync(Email("heloise@example.com"));

        var message = EmlMessage.Read(Directory.GetFiles(folder).Single());

        message.Subject.ShouldBe("Activez votre compte — Clinique Saint-Laurent");
        message.TextBody.ShouldContain("Bonjour Héloïse,");
        message.Links.ShouldBe(["http://localhost/activate?token=abc&x=1"]);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Outside_Development_the_dev_mailbox_does_not_exist()
    {
        await using var portal = await PortalFactory.CreateAsync(environment: "Production");

        var response = await portal.CreateClient().GetAsync("/dev/mailbox");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>The real sender, configured as the portal configures it, writing to a folder of the test's own.</summary>
    private sealed class PortalFactoryFreeSender(string folder)
    {
        public Task SendAsync(QueuedEmail email)
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Email:PickupDirectory"] = folder })
                .Build();
            using var services = new ServiceCollection().AddBuildingBlocks(configuration).BuildServiceProvider();
            return services.GetRequiredService<IEmailSender>().SendAsync(email, CancellationToken.None);
        }
    }
}
