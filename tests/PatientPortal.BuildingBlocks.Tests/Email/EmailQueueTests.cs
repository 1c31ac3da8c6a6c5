using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PatientPortal.BuildingBlocks.Email;
using PatientPortal.BuildingBlocks.Persistence;
using PatientPortal.BuildingBlocks.Tests.TestData;
using Shouldly;

namespace PatientPortal.BuildingBlocks.Tests.Email;

public sealed class EmailQueueTests
{
    private static RenderedEmail Welcome(string culture) =>
        EmailTemplates.Render(typeof(EmailQueueTests).Assembly, "Welcome", CultureInfo.GetCultureInfo(culture),
            new Dictionary<string, string> { ["Name"] = "Ada", ["Clinic"] = "Clinique", ["Link"] = "http://localhost/activate" });

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Queued_mail_is_sent_over_SMTP_as_text_and_HTML_and_marked_sent(DatabaseProvider provider)
    {
        await using var module = await CounterModule.CreateAsync(provider);
        await using var sink = new SmtpSink();
        await QueueAsync(module, "ada@example.com", Welcome("fr-CA"));

        var sent = await SendAsync(module, Smtp(sink.Port));

        sent.ShouldBe(1);
        var raw = sink.Messages.ShouldHaveSingleItem();
        raw.ShouldContain("multipart/alternative");
        raw.ShouldContain("text/plain");
        raw.ShouldContain("text/html");
        raw.ShouldContain("Content-Language: fr-CA");
        var email = await SingleEmailAsync(module);
        raw.ShouldContain($"Message-ID: <{email.Id:N}@patientportal>");
        email.SentUtc.ShouldBe(module.Clock.GetUtcNow());
        email.TextBody.ShouldBeEmpty("a sent body may hold a live link: the database keeps no copy");
        email.HtmlBody.ShouldBeEmpty();
        email.Subject.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Mail_waits_in_the_queue_while_SMTP_is_down_and_goes_out_after_the_backoff(DatabaseProvider provider)
    {
        await using var module = await CounterModule.CreateAsync(provider);
        await QueueAsync(module, "ada@example.com", Welcome("en-CA"));
        int port;
        await using (var probe = new SmtpSink())
        {
            port = probe.Port;
        }

        (await SendAsync(module, Smtp(port))).ShouldBe(0, "nothing listens on the port any more");
        var failed = await SingleEmailAsync(module);
        failed.SentUtc.ShouldBeNull();
        failed.Attempts.ShouldBe(1);
        failed.LastError.ShouldNotBeNullOrEmpty();

        await using var sink = new SmtpSink();
        (await SendAsync(module, Smtp(sink.Port))).ShouldBe(0, "the retry waits for its backoff");
        module.Clock.Advance(TimeSpan.FromMinutes(1));
        (await SendAsync(module, Smtp(sink.Port))).ShouldBe(1);
        sink.Messages.ShouldHaveSingleItem().ShouldContain("Subject:");
    }

    [Fact]
    public async Task With_a_user_name_the_sender_authenticates_before_sending()
    {
        await using var module = await CounterModule.CreateAsync(DatabaseProvider.Sqlite);
        await using var sink = new SmtpSink();
        await QueueAsync(module, "ada@example.com", Welcome("en-CA"));
        var options = Smtp(sink.Port);
        options.Smtp.UserName = "portal@clinic.example";
        options.Smtp.Password = "relay-secret";

        (await SendAsync(module, options)).ShouldBe(1);

        sink.Logins.ShouldBe(["portal@clinic.example:relay-secret"]);
        sink.Messages.ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData(SmtpSecurity.Auto)]
    [InlineData(SmtpSecurity.StartTls)]
    public async Task A_server_without_STARTTLS_gets_no_mail_unless_plain_text_is_chosen(SmtpSecurity security)
    {
        await using var module = await CounterModule.CreateAsync(DatabaseProvider.Sqlite);
        await using var sink = new SmtpSink();
        await QueueAsync(module, "ada@example.com", Welcome("en-CA"));
        var options = Smtp(sink.Port);
        options.Smtp.Security = security;
        options.Smtp.UserName = "portal@clinic.example";
        options.Smtp.Password = "relay-secret";

        (await SendAsync(module, options)).ShouldBe(0);

        sink.Messages.ShouldBeEmpty("mail never leaves in plain text when TLS is expected");
        sink.Logins.ShouldBeEmpty("nor does the relay password");
        var email = await SingleEmailAsync(module);
        email.SentUtc.ShouldBeNull();
        email.Attempts.ShouldBe(1, "it stays queued for a retry");
    }

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("smtp.clinic.example", false)]
    [InlineData("10.0.0.25", false)]
    public void Plain_text_SMTP_is_allowed_only_to_a_relay_on_this_machine(string host, bool allowed) =>
        SmtpEmailSender.IsThisMachine(host).ShouldBe(allowed);

    [Fact]
    public async Task In_Development_mail_is_written_to_the_pickup_folder()
    {
        await using var module = await CounterModule.CreateAsync(DatabaseProvider.Sqlite);
        var folder = Path.Combine(Path.GetTempPath(), "patientportal-tests", Guid.NewGuid().ToString("N"));
        await QueueAsync(module, "ada@example.com", Welcome("en-CA"));

        (await SendAsync(module, new EmailOptions { PickupDirectory = folder })).ShouldBe(1);

        var file = Directory.GetFiles(folder, "*.eml").ShouldHaveSingleItem();
        var email = await SingleEmailAsync(module);
        Path.GetFileName(file).ShouldBe($"{email.Id:N}.eml");
        using (var message = await MimeKit.MimeMessage.LoadAsync(file))
        {
            message.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("ada@example.com");
            message.MessageId.ShouldBe($"{email.Id:N}@patientportal");
            message.TextBody.ShouldNotBeNull().ShouldContain("http://localhost/activate");
            message.HtmlBody.ShouldNotBeNull().ShouldContain("href=\"http://localhost/activate\"");
        }

        Directory.Delete(folder, recursive: true);
    }

    private static EmailOptions Smtp(int port) => new() { Smtp = { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None } };

    private static async Task QueueAsync(CounterModule module, string to, RenderedEmail email)
    {
        using var scope = module.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
        db.QueueEmail(to, email, module.Clock);
        await db.SaveChangesAsync();
    }

    private static async Task<int> SendAsync(CounterModule module, EmailOptions options)
    {
        using var scope = module.Services.CreateScope();
        var queue = new EmailQueueProcessor<CounterDbContext>(
            scope.ServiceProvider.GetRequiredService<CounterDbContext>(),
            new SmtpEmailSender(Options.Create(options), module.Clock),
            module.Clock,
            NullLogger<EmailQueueProcessor<CounterDbContext>>.Instance);
        return await queue.SendDueAsync(CancellationToken.None);
    }

    private static async Task<QueuedEmail> SingleEmailAsync(CounterModule module)
    {
        using var scope = module.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CounterDbContext>().QueuedEmails.AsNoTracking().SingleAsync();
    }
}
