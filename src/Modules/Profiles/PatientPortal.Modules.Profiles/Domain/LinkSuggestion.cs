namespace PatientPortal.Modules.Profiles.Domain;

internal enum LinkSuggestionState
{
    Open,
    Confirmed,
    Refused,
}

/// <summary>
/// A self-registered account's new profile looks like an existing record (same health card number and date of birth).
/// These are not secrets, so the account gets no access to the existing record: staff confirm the link or refuse it.
/// </summary>
internal sealed class LinkSuggestion
{
    private LinkSuggestion() { }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public Guid NewProfileId { get; private set; }
    public Guid ExistingProfileId { get; private set; }
    public LinkSuggestionState State { get; private set; }
    public DateTimeOffset CreatedUtc { get; private set; }
    public Guid? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedUtc { get; private set; }

    /// <summary>How staff checked that the account holder is the record's person, recorded when they confirmed.</summary>
    public IdentityCheck? IdentityCheck { get; private set; }

    public static LinkSuggestion Open(Guid accountId, Guid newProfileId, Guid existingProfileId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        AccountId = accountId,
        NewProfileId = newProfileId,
        ExistingProfileId = existingProfileId,
        State = LinkSuggestionState.Open,
        CreatedUtc = now,
    };

    /// <summary>The state a staff decision gives (the handler claims the open suggestion with a conditional update).</summary>
    public static LinkSuggestionState Decided(bool confirmed) => confirmed ? LinkSuggestionState.Confirmed : LinkSuggestionState.Refused;

    /// <summary>Closed without a link: another suggestion for the same account was confirmed.</summary>
    public void Close(Guid staffAccountId, DateTimeOffset now)
    {
        State = LinkSuggestionState.Refused;
        DecidedBy = staffAccountId;
        DecidedUtc = now;
    }
}
