using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Activity.Features;

/// <summary>The account changed its sign-in email: a line of its own, shown on its own profile, a link to the credentials page.</summary>
internal sealed class RecordEmailChanged(ActivityDbContext db, TimeProvider clock) : IntegrationEventConsumer<EmailChanged, ActivityDbContext>(db, clock)
{
    protected override Task ApplyAsync(EmailChanged e, CancellationToken cancellationToken)
    {
        Db.Entries.Add(TimelineEntry.ForAccount(e.AccountId, ActivityKind.EmailChanged, e.OccurredUtc));
        return Task.CompletedTask;
    }
}
