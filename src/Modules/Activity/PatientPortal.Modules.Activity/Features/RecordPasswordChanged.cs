using PatientPortal.Modules.Accounts.Contracts;

namespace PatientPortal.Modules.Activity.Features;

/// <summary>The account changed its password: a line of its own, shown on its own profile, a link to the credentials page.</summary>
internal sealed class RecordPasswordChanged(ActivityDbContext db, TimeProvider clock) : IntegrationEventConsumer<PasswordChanged, ActivityDbContext>(db, clock)
{
    protected override Task ApplyAsync(PasswordChanged e, CancellationToken cancellationToken)
    {
        Db.Entries.Add(TimelineEntry.ForAccount(e.AccountId, ActivityKind.PasswordChanged, e.OccurredUtc));
        return Task.CompletedTask;
    }
}
