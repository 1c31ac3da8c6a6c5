namespace PatientPortal.Modules.Profiles.Tests.Features;

/// <summary>
/// ListConsentRequests, DecideConsent, ListWhoCanAccessMyProfile and RevokeMyProxy: only the person whose own file it
/// is sees and decides the requests to it, one decision wins, and removing someone's access ends it on their next request.
/// </summary>
public sealed class DecideConsentTests
{
    private static readonly DateOnly HugoBirthDate = new(2011, 10, 20);
    private const string HugoCard = "LEVH11102012";

    /// <summary>Heather asks to be connected to Hugo (15, with his own account): a pending link.</summary>
    private static async Task<(ProfilesHarness Profiles, Accounts.Contracts.AccountRegistered Heather, Accounts.Contracts.AccountRegistered Hugo, Guid HugoProfile, Guid AccessId)> PendingAsync(DatabaseProvider provider)
    {
        var profiles = await ProfilesHarness.CreateAsync(provider);
        var heather = await profiles.PatientAsync("Heather", "Milner", Registrations.HeatherBirthDate, Registrations.HeatherCard, "heather@example.com");
        var hugo = await profiles.PatientAsync("Hugo", "Lévesque", HugoBirthDate, HugoCard, "hugo@example.com", language: "fr-CA");
        (await profiles.ConnectAsync(heather.AccountId, "Hugo", "Levesque", HugoBirthDate, HugoCard)).Value.ShouldBe(ConnectOutcome.Submitted);
        var hugoProfile = await profiles.QueryAsync(db => db.Accesses.Where(a => a.AccountId == hugo.AccountId && a.Relationship == Relationship.Self).Select(a => a.ProfileId).SingleAsync());
        var access = (await profiles.LinkAsync(heather.AccountId, hugoProfile))!;
        return (profiles, heather, hugo, hugoProfile, access.Id);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_person_sees_who_asks_and_approving_opens_the_link_on_their_consent(DatabaseProvider provider)
    {
        var (profiles, heather, hugo, hugoProfile, accessId) = await PendingAsync(provider);
        await using var _ = profiles;

        profiles.Current.AccountId = hugo.AccountId;
        var requests = (await profiles.SendAsync(new ListConsentRequests())).Value;
        requests.ShouldBe([new ConsentRequest(accessId, "Heather", "Milner", Relationship.Parent, ProfileTabs.All)]);
        // Asked, not yet consented: the audit says on whose word the pending link stands.
        var pending = (await profiles.LinkAsync(heather.AccountId, hugoProfile))!;
        (pending.State, pending.PersonConsented).ShouldBe((AccessState.PendingConsent, false));
        (await profiles.QueryAsync(db => db.AccessChanges.AsNoTracking().SingleAsync(c => c.AccessId == accessId))).Basis.ShouldBe(ConsentBasis.ProxyRequest);
        (await profiles.SendAsync(new DecideConsent(accessId, Approve: true))).IsSuccess.ShouldBeTrue();

        var link = (await profiles.LinkAsync(heather.AccountId, hugoProfile))!;
        (link.State, link.PersonConsented).ShouldBe((AccessState.Active, true));
        (await profiles.MayActForAsync(heather.AccountId, hugoProfile, ProfileTabs.Messages)).ShouldBeTrue();
        var audit = await profiles.QueryAsync(db => db.AccessChanges.AsNoTracking().Where(c => c.AccessId == accessId && c.Kind == AccessChangeKind.ConsentGiven).ToListAsync());
        audit.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            c => c.Kind.ShouldBe(AccessChangeKind.ConsentGiven),
            c => c.ConsentGivenBy.ShouldBe(hugo.AccountId),
            c => c.Basis.ShouldBe(ConsentBasis.PatientConsent));
        (await profiles.EventsAsync()).ShouldContain(t => t.Contains(nameof(ProfileAccessChanged), StringComparison.Ordinal));
        var mail = (await profiles.MailsToAsync("heather@example.com")).ShouldHaveSingleItem();
        mail.Subject.ShouldContain("approved");
        mail.TextBody.ShouldContain("Hugo Lévesque");
        profiles.Current.AccountId = hugo.AccountId;
        (await profiles.SendAsync(new ListConsentRequests())).Value.ShouldBeEmpty();
        (await profiles.SendAsync(new ListWhoCanAccessMyProfile())).Value.ShouldBe([new ProxyOfMine(accessId, "Heather", "Milner", Relationship.Parent, ProfileTabs.All)]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Declining_revokes_the_link_and_tells_the_requester(DatabaseProvider provider)
    {
        var (profiles, heather, hugo, hugoProfile, accessId) = await PendingAsync(provider);
        await using var _ = profiles;

        profiles.Current.AccountId = hugo.AccountId;
        (await profiles.SendAsync(new DecideConsent(accessId, Approve: false))).IsSuccess.ShouldBeTrue();

        var link = (await profiles.LinkAsync(heather.AccountId, hugoProfile))!;
        (link.State, link.RevokedReason).ShouldBe((AccessState.Revoked, (RevocationReason?)RevocationReason.ConsentDeclined));
        (await profiles.MayActForAsync(heather.AccountId, hugoProfile)).ShouldBeFalse();
        (await profiles.EventsAsync()).ShouldContain(t => t.Contains(nameof(ProfileAccessRevoked), StringComparison.Ordinal));
        (await profiles.MailsToAsync("heather@example.com")).ShouldHaveSingleItem().Subject.ShouldContain("declined");
        // Deciding again: the request is gone.
        profiles.Current.AccountId = hugo.AccountId;
        (await profiles.SendAsync(new DecideConsent(accessId, Approve: true))).Errors.ShouldBe([Error.NotFound]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Nobody_but_the_person_whose_file_it_is_can_see_or_decide_a_request(DatabaseProvider provider)
    {
        var (profiles, heather, _, hugoProfile, accessId) = await PendingAsync(provider);
        await using var __ = profiles;
        var other = await profiles.PatientAsync("Marc", "Tremblay", new DateOnly(1980, 1, 5), "TREM80010512");

        foreach (var who in new[] { other.AccountId, heather.AccountId })
        {
            profiles.Current.AccountId = who;
            (await profiles.SendAsync(new ListConsentRequests())).Value.ShouldBeEmpty();
            (await profiles.SendAsync(new DecideConsent(accessId, Approve: true))).Errors.ShouldBe([Error.NotFound]);
            (await profiles.SendAsync(new RevokeMyProxy(accessId))).Errors.ShouldBe([Error.NotFound]);
        }

        profiles.Current.AccountId = null;
        (await profiles.SendAsync(new DecideConsent(accessId, Approve: true))).Errors.ShouldBe([Error.Forbidden]);
        (await profiles.LinkAsync(heather.AccountId, hugoProfile))!.State.ShouldBe(AccessState.PendingConsent);
        (await profiles.MayActForAsync(heather.AccountId, hugoProfile)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Approve_and_decline_at_the_same_moment_have_one_winner(DatabaseProvider provider)
    {
        var (profiles, heather, hugo, hugoProfile, accessId) = await PendingAsync(provider);
        await using var _ = profiles;
        profiles.Current.AccountId = hugo.AccountId;

        var results = await Task.WhenAll(
            profiles.SendAsync(new DecideConsent(accessId, Approve: true)),
            profiles.SendAsync(new DecideConsent(accessId, Approve: false)));

        results.Count(r => r.IsSuccess).ShouldBe(1);
        results.Single(r => r.IsFailure).Errors.ShouldBe([Error.NotFound]);
        var approved = results[0].IsSuccess;
        var link = (await profiles.LinkAsync(heather.AccountId, hugoProfile))!;
        link.State.ShouldBe(approved ? AccessState.Active : AccessState.Revoked);
        var decisions = await profiles.QueryAsync(db => db.AccessChanges.AsNoTracking().CountAsync(c => c.AccessId == accessId && c.Kind != AccessChangeKind.Granted));
        decisions.ShouldBe(1);
        (await profiles.MailsToAsync("heather@example.com")).Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_teen_who_removes_the_parent_ends_the_parents_access_on_the_next_request(DatabaseProvider provider)
    {
        var (profiles, heather, hugo, hugoProfile, accessId) = await PendingAsync(provider);
        await using var _ = profiles;
        profiles.Current.AccountId = hugo.AccountId;
        (await profiles.SendAsync(new DecideConsent(accessId, Approve: true))).IsSuccess.ShouldBeTrue();
        (await profiles.MayActForAsync(heather.AccountId, hugoProfile)).ShouldBeTrue();

        profiles.Current.AccountId = hugo.AccountId;
        (await profiles.SendAsync(new RevokeMyProxy(accessId))).IsSuccess.ShouldBeTrue();

        (await profiles.MayActForAsync(heather.AccountId, hugoProfile)).ShouldBeFalse();
        var link = (await profiles.LinkAsync(heather.AccountId, hugoProfile))!;
        (link.State, link.RevokedReason).ShouldBe((AccessState.Revoked, (RevocationReason?)RevocationReason.RevokedByPatient));
        var revoked = await profiles.QueryAsync(db => db.AccessChanges.AsNoTracking().Where(c => c.AccessId == accessId && c.Kind == AccessChangeKind.Revoked).ToListAsync());
        revoked.ShouldHaveSingleItem().ChangedBy.ShouldBe(hugo.AccountId);
        (await profiles.EventsAsync()).Count(t => t.Contains(nameof(ProfileAccessRevoked), StringComparison.Ordinal)).ShouldBe(1);
        profiles.Current.AccountId = hugo.AccountId;
        (await profiles.SendAsync(new ListWhoCanAccessMyProfile())).Value.ShouldBeEmpty();
        (await profiles.SendAsync(new RevokeMyProxy(accessId))).Errors.ShouldBe([Error.NotFound]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Asking_again_after_a_decline_waits_for_the_cooldown_then_makes_the_same_row_pending_again(DatabaseProvider provider)
    {
        var (profiles, heather, hugo, hugoProfile, accessId) = await PendingAsync(provider);
        await using var _ = profiles;
        profiles.Current.AccountId = hugo.AccountId;
        await profiles.SendAsync(new DecideConsent(accessId, Approve: false));
        var declined = profiles.Clock.GetUtcNow();

        // Within the 30 days: the same neutral answer, nothing asked of Hugo, the attempt audited as a cooldown.
        profiles.Clock.SetUtcNow(declined.AddDays(30).AddMinutes(-1));
        (await profiles.ConnectAsync(heather.AccountId, "Hugo", "Lévesque", HugoBirthDate, HugoCard)).Value.ShouldBe(ConnectOutcome.Submitted);
        (await profiles.LinkAsync(heather.AccountId, hugoProfile))!.State.ShouldBe(AccessState.Revoked);
        (await profiles.MailsToAsync("hugo@example.com")).Count.ShouldBe(1);
        (await profiles.AttemptsAsync(heather.AccountId)).OrderBy(a => a.AttemptedUtc).Last().Outcome.ShouldBe(ConnectionOutcome.CoolingDown);

        profiles.Clock.SetUtcNow(declined.AddDays(30));
        (await profiles.ConnectAsync(heather.AccountId, "Hugo", "Lévesque", HugoBirthDate, HugoCard)).Value.ShouldBe(ConnectOutcome.Submitted);

        var link = (await profiles.LinkAsync(heather.AccountId, hugoProfile))!;
        (link.Id, link.State).ShouldBe((accessId, AccessState.PendingConsent));
        (await profiles.MayActForAsync(heather.AccountId, hugoProfile)).ShouldBeFalse();
        (await profiles.MailsToAsync("hugo@example.com")).Count.ShouldBe(2);
        (await profiles.AttemptsAsync(heather.AccountId)).OrderBy(a => a.AttemptedUtc).Last().Outcome.ShouldBe(ConnectionOutcome.ConsentRequested);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task After_the_person_removes_a_proxy_that_account_cannot_ask_again_for_30_days(DatabaseProvider provider)
    {
        var (profiles, heather, hugo, hugoProfile, accessId) = await PendingAsync(provider);
        await using var _ = profiles;
        profiles.Current.AccountId = hugo.AccountId;
        (await profiles.SendAsync(new DecideConsent(accessId, Approve: true))).IsSuccess.ShouldBeTrue();
        (await profiles.SendAsync(new RevokeMyProxy(accessId))).IsSuccess.ShouldBeTrue();
        var removed = profiles.Clock.GetUtcNow();

        profiles.Clock.SetUtcNow(removed.AddDays(29));
        (await profiles.ConnectAsync(heather.AccountId, "Hugo", "Lévesque", HugoBirthDate, HugoCard)).Value.ShouldBe(ConnectOutcome.Submitted);
        (await profiles.LinkAsync(heather.AccountId, hugoProfile))!.State.ShouldBe(AccessState.Revoked);
        (await profiles.MailsToAsync("hugo@example.com")).Count.ShouldBe(1);
        (await profiles.AttemptsAsync(heather.AccountId)).OrderBy(a => a.AttemptedUtc).Last().Outcome.ShouldBe(ConnectionOutcome.CoolingDown);

        // Another account is not held back by Heather's cooldown.
        var marc = await profiles.PatientAsync("Marc", "Tremblay", new DateOnly(1980, 1, 5), "TREM80010512");
        (await profiles.ConnectAsync(marc.AccountId, "Hugo", "Lévesque", HugoBirthDate, HugoCard)).Value.ShouldBe(ConnectOutcome.Submitted);
        (await profiles.LinkAsync(marc.AccountId, hugoProfile))!.State.ShouldBe(AccessState.PendingConsent);

        profiles.Clock.SetUtcNow(removed.AddDays(31));
        (await profiles.ConnectAsync(heather.AccountId, "Hugo", "Lévesque", HugoBirthDate, HugoCard)).Value.ShouldBe(ConnectOutcome.Submitted);
        (await profiles.LinkAsync(heather.AccountId, hugoProfile))!.State.ShouldBe(AccessState.PendingConsent);
    }
}
