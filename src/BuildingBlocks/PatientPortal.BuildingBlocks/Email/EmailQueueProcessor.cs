using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PatientPortal.BuildingBlocks.Outbox;
using PatientPortal.BuildingBlocks.Persistence;

namespace PatientPortal.BuildingBlocks.Email;

/// <summary>Sends one module's queued emails, with retries and backoff.</summary>
public interface IEmailQueueProcessor
{
    string Module { get; }

    /// <returns>How many emails were sent.</returns>
    Task<int> SendDueAsync(CancellationToken cancellationToken);
}

internal sealed class EmailQueueProcessor<TContext>(
    TContext db,
    IEmailSender sender,
    TimeProvider clock,
    ILogger<EmailQueueProcessor<TContext>> logger) : IEmailQueueProcessor
    where TContext : ModuleDbContext
{
    public string Module => db.Schema;

    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.QueuedEmails
            .Where(e => e.SentUtc == null && e.Attempts < QueuedEmail.MaxAttempts && e.NextAttemptUtc <= now)
            .OrderBy(e => e.CreatedUtc)
            .Take(20)
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var email in due)
        {
            try
            {
                await sender.SendAsync(email, cancellationToken);
                email.MarkSent(clock.GetUtcNow());
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                email.Attempts++;
                email.NextAttemptUtc = clock.GetUtcNow() + Backoff.After(email.Attempts);
                email.LastError = Backoff.Describe(ex);
                logger.LogWarning(ex, "Email {EmailId} of module {Module} failed (attempt {Attempts})", email.Id, Module, email.Attempts);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return sent;
    }
}
