using PatientPortal.Modules.Profiles.Contracts;

namespace PatientPortal.Modules.Activity.Domain;

/// <summary>
/// One line of a timeline, written from one integration event (ADR 0018): either a profile's line, read by the accounts
/// whose link opens its <see cref="Tab"/>, or an account's own line (a change of credentials), read by that account on
/// its own profile. It holds ids, a kind and instants: never a subject, a reason, a practitioner or an address.
/// </summary>
internal sealed class TimelineEntry
{
    private TimelineEntry() { }

    public Guid Id { get; private set; }

    /// <summary>The profile whose timeline holds the line; none for an account's own line.</summary>
    public Guid? ProfileId { get; private set; }

    /// <summary>The account whose own line it is (credentials); none for a profile's line.</summary>
    public Guid? AccountId { get; private set; }

    public ActivityKind Kind { get; private set; }

    /// <summary>The tab a reader's link must open to see the line; <see cref="ProfileTabs.None"/> for an account's own line.</summary>
    public ProfileTabs Tab { get; private set; }

    /// <summary>When it happened (the event's instant, stamped by the publisher's outbox).</summary>
    public DateTimeOffset OccurredUtc { get; private set; }

    /// <summary>The appointment or communication the line links to.</summary>
    public Guid? SubjectId { get; private set; }

    public DateTimeOffset? AppointmentStartUtc { get; private set; }

    public static TimelineEntry ForProfile(
        Guid profileId, ActivityKind kind, ProfileTabs tab, DateTimeOffset occurredUtc, Guid subjectId, DateTimeOffset? appointmentStartUtc = null) => new()
    {
        Id = Guid.CreateVersion7(),
        ProfileId = profileId,
        Kind = kind,
        Tab = tab,
        OccurredUtc = occurredUtc,
        SubjectId = subjectId,
        AppointmentStartUtc = appointmentStartUtc,
    };

    public static TimelineEntry ForAccount(Guid accountId, ActivityKind kind, DateTimeOffset occurredUtc) => new()
    {
        Id = Guid.CreateVersion7(),
        AccountId = accountId,
        Kind = kind,
        Tab = ProfileTabs.None,
        OccurredUtc = occurredUtc,
    };

    public ActivityLine ToLine() => new(Id, Kind, OccurredUtc, SubjectId, AppointmentStartUtc);
}
