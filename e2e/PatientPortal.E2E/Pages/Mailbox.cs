using System.Text.RegularExpressions;

namespace PatientPortal.E2E.Pages;

/// <summary>One email as the Development mailbox shows it: subject, plain-text body and the links in it.</summary>
internal sealed partial record Mail(string To, string Subject, string Body, IReadOnlyList<string> Links)
{
    /// <summary>The one link of an activation, invitation, reset or confirmation email.</summary>
    public string Link => Links.Count == 1 ? Links[0] : throw new InvalidOperationException($"Expected one link in '{Subject}', found {Links.Count}.");

    /// <summary>The 6-digit code in the body (clinic code, email-change code).</summary>
    public string Code => SixDigits().Match(Body) is { Success: true } match ? match.Value : throw new InvalidOperationException($"No 6-digit code in '{Subject}':\n{Body}");

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}

/// <summary>
/// The portal's Development mailbox (/dev/mailbox, Pages/Dev/Mailbox.cshtml), read in its own tab: it lists the
/// mails of the pickup folder, newest first. Mails leave through a job (every second in tests), so reading waits.
/// </summary>
internal sealed class Mailbox(IPage page)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public IPage Page { get; } = page;

    public static async Task<Mailbox> OpenAsync(IBrowserContext browser) => new(await browser.NewPageAsync());

    /// <summary>
    /// Waits until <paramref name="to"/> has <paramref name="count"/> mails whose subject contains
    /// <paramref name="subject"/> (any subject when null), and returns the newest.
    /// </summary>
    public async Task<Mail> WaitForAsync(string to, string? subject = null, int count = 1)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var mails = await ReadAsync(to);
            var matching = mails.Where(m => subject is null || m.Subject.Contains(subject, StringComparison.Ordinal)).ToList();
            if (matching.Count >= count)
            {
                return matching[0];
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"After {Patience.TotalSeconds} s, {to} has {matching.Count} of {count} mails about '{subject}'. "
                    + $"Its mails: [{string.Join(" | ", mails.Select(m => m.Subject))}]");
            }

            await Task.Delay(300);
        }
    }

    /// <summary>Every mail to <paramref name="to"/>, newest first.</summary>
    public async Task<IReadOnlyList<Mail>> ReadAsync(string to)
    {
        await Page.GotoAsync($"/dev/mailbox?to={Uri.EscapeDataString(to)}");
        var mails = new List<Mail>();
        foreach (var article in await Page.GetByTestId("mail").AllAsync())
        {
            var links = new List<string>();
            foreach (var link in await article.GetByTestId("mail-link").AllAsync())
            {
                links.Add(await link.GetAttributeAsync("href") ?? "");
            }

            mails.Add(new Mail(
                await article.GetByTestId("mail-to").InnerTextAsync(),
                await article.GetByTestId("mail-subject").InnerTextAsync(),
                await article.Locator(".mail-body").InnerTextAsync(),
                links));
        }

        return mails;
    }
}
