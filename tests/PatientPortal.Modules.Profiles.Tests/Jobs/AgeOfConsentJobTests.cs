using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.Identity;
using PatientPortal.Modules.Profiles.Data;
using static PatientPortal.Modules.Profiles.Tests.TestData.AgeOfConsentData;

namespace PatientPortal.Modules.Profiles.Tests.Jobs;

/// <summary>
/// The daily age-of-consent job: a parent's link ends on the child's 14th birthday, from local midnight in Montreal,
/// once (one audit row, one email each, one event), whatever runs it how often; a consented link is never touched.
/// </summary>
public sealed class AgeOfConsentJobTests
{
    public static TheoryData<DatabaseProvider, string, string> Birthdays()
    {
        var data = new TheoryData<DatabaseProvider, string, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            // Birth date, and the first instant (UTC) of the 14th birthday in Montreal.
            data.Add(provider, "2012-07-15", "2026-07-15T04:00:00Z"); // summer: EDT, UTC-4
            data.Add(provider, "2013-01-15", "2027-01-15T05:00:00Z"); // winter: EST, UTC-5
            data.Add(provider, "2013-03-14", "2027-03-14T05:00:00Z"); // the day clocks go forward (02:00): midnight is still EST
            data.Add(provider, "2013-03-15", "2027-03-15T04:00:00Z"); // the day after: EDT
            data.Add(provider, "2012-11-01", "2026-11-01T04:00:00Z"); // the day clocks go back (02:00): midnight is still EDT
            data.Add(provider, "2012-11-02", "2026-11-02T05:00:00Z"); // the day after: EST
            data.Add(provider, "2016-02-29", "2030-02-28T05:00:00Z"); // 29 February, in a common year: counted on 28 February
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Birthdays))]
    public async Task The_link_ends_at_local_midnight_on_the_birthday_and_not_a_second_before(DatabaseProvider provider, string born, string birthday)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var parent = await profiles.ParentAsync();
        var teen = await profiles.TeenAsync("Nathan", DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture));
        var link = await profiles.AttachAsync(parent.AccountId, teen);
        var midnight = Utc(birthday);

        profiles.Clock.SetUtcNow(midnight.AddSeconds(-1));
        (await profiles.RunAgeOfConsentJobAsync()).Revoked.ShouldBe(0);
        (await profiles.AccessAsync(link)).State.ShouldBe(AccessState.Active);
        profiles.Current.AccountId = parent.AccountId;
        (await profiles.SendAsync(new MayActFor(teen, ProfileTabs.Appointments))).ShouldBeTrue();

        profiles.Clock.SetUtcNow(midnight);
        // The next request already refuses, before any job has run.
        (await profiles.SendAsync(new MayActFor(teen, ProfileTabs.Appointments))).ShouldBeFalse();
        (await profiles.RunAgeOfConsentJobAsync()).Revoked.ShouldBe(1);

        var revoked = await profiles.AccessAsync(link);
        revoked.State.ShouldBe(AccessState.Revoked);
        revoked.RevokedReason.ShouldBe(RevocationReason.AgeOfConsentReached);
        revoked.RevokedUtc.ShouldBe(midnight);
        var audit = (await profiles.ChangesAsync(AccessChangeKind.Revoked)).ShouldHaveSingleItem();
        (audit.ChangedBy, audit.Basis, audit.AccessId).ShouldBe((null, ConsentBasis.System, link));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Run_twice_the_job_revokes_once_and_tells_each_party_once_in_their_language(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var parent = await profiles.ParentAsync(language: "en-CA");
        var teen = await profiles.TeenAsync("Nathan", new DateOnly(2012, 7, 15), "nathan.milner@example.com", language: "fr-CA");
        var link = await profiles.AttachAsync(parent.AccountId, teen);
        profiles.Clock.SetUtcNow(Utc("2026-07-15T04:00:00Z"));

        var first = await profiles.RunAgeOfConsentJobAsync();
        profiles.Clock.Advance(TimeSpan.FromDays(1));
        var second = await profiles.RunAgeOfConsentJobAsync();

        (first.Revoked, second.Revoked).ShouldBe((1, 0));
        (await profiles.ChangesAsync(AccessChangeKind.Revoked)).Count.ShouldBe(1);
        var mail = await profiles.MailAsync();
        mail.Select(m => (m.To, m.Culture)).OrderBy(m => m.To).ShouldBe([(parent.Email, "en-CA"), ("nathan.milner@example.com", "fr-CA")]);
        var toParent = mail.Single(m => m.To == parent.Email);
        toParent.Subject.ShouldContain("Nathan");
        toParent.TextBody.ShouldContain("Nathan has reached the age of consent for treatment (14)");
        toParent.TextBody.ShouldContain("https://portal.test/");
        mail.Single(m => m.To != parent.Email).TextBody.ShouldContain("Vous avez atteint l'âge de consentement aux soins (14 ans)");
        foreach (var m in mail)
        {
            // Nothing from the file: no card number, no birth date.
            m.TextBody.ShouldNotContain("MILN");
            m.TextBody.ShouldNotContain("2012");
        }

        (await profiles.PublishedAsync<ProfileAccessRevoked>()).ShouldHaveSingleItem()
            .ShouldBe(new ProfileAccessRevoked(parent.AccountId, teen, "AgeOfConsentReached"), new EventComparer<ProfileAccessRevoked>());
        var reached = (await profiles.PublishedAsync<ProfileReachedAgeOfConsent>()).ShouldHaveSingleItem();
        (reached.ProfileId, reached.ContactEmail, reached.PreferredLanguage, reached.HealthInsuranceNumber).ShouldBe((teen, "nathan.milner@example.com", "fr-CA", "MILN12031512"));
        (await profiles.AccessAsync(link)).Version.ShouldBe(1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Two_jobs_in_parallel_revoke_each_link_once(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var parent = await profiles.ParentAsync();
        var links = new List<Guid>();
        for (var i = 0; i < 15; i++)
        {
            links.Add(await profiles.AttachAsync(parent.AccountId, await profiles.TeenAsync($"Child{i}", new DateOnly(2012, 7, 15), $"child{i}@example.com")));
        }

        profiles.Clock.SetUtcNow(Utc("2026-07-15T12:00:00Z"));
        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(profiles.RunAgeOfConsentJobAsync)));

        runs.Sum(r => r.Revoked).ShouldBe(15);
        runs.Sum(r => r.Failed).ShouldBe(0);
        (await profiles.ChangesAsync(AccessChangeKind.Revoked)).Select(c => c.AccessId).Order().ShouldBe(links.Order());
        var mail = await profiles.MailAsync();
        mail.Count(m => m.To == parent.Email).ShouldBe(15);
        mail.Count(m => m.To != parent.Email).ShouldBe(15);
        mail.Select(m => m.To).Where(t => t != parent.Email).Distinct().Count().ShouldBe(15);
        (await profiles.PublishedAsync<ProfileAccessRevoked>()).Count.ShouldBe(15);
        (await profiles.PublishedAsync<ProfileReachedAgeOfConsent>()).Count.ShouldBe(15);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_lost_race_is_skipped_and_the_winner_stands(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var parent = await profiles.ParentAsync();
        var teen = await profiles.TeenAsync("Nathan", new DateOnly(2012, 7, 15));
        var link = await profiles.AttachAsync(parent.AccountId, teen);
        profiles.Clock.SetUtcNow(Utc("2026-07-15T12:00:00Z"));

        // Another node read the link before this run revoked it, then saves its own revocation: the version says no.
        await profiles.QueryAsync(async db =>
        {
            var stale = await db.Accesses.SingleAsync(a => a.Id == link);
            (await profiles.RunAgeOfConsentJobAsync()).Revoked.ShouldBe(1);
            db.AccessChanges.Add(stale.Revoke(RevocationReason.AgeOfConsentReached, null, ConsentBasis.System, profiles.Clock.GetUtcNow()));
            await Should.ThrowAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
            return 0;
        });

        (await profiles.ChangesAsync(AccessChangeKind.Revoked)).Count.ShouldBe(1);
        (await profiles.MailAsync()).Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_link_the_teen_consented_to_is_never_revoked(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var parent = await profiles.ParentAsync();
        var teen = await profiles.TeenAsync("Nathan", new DateOnly(2012, 7, 15));
        var link = await profiles.AttachAsync(parent.AccountId, teen);
        profiles.Clock.SetUtcNow(Utc("2026-07-15T04:00:00Z"));
        (await profiles.RunAgeOfConsentJobAsync()).Revoked.ShouldBe(1);

        // Staff put the link back (same row) without the teen's word: it gives nothing, and the job ends it again.
        await Renew(profiles, link, ConsentBasis.StaffDecision, consentGivenBy: null);
        profiles.Current.AccountId = parent.AccountId;
        (await profiles.SendAsync(new MayActFor(teen, ProfileTabs.Documents))).ShouldBeFalse();
        (await profiles.RunAgeOfConsentJobAsync()).Revoked.ShouldBe(1);
        (await profiles.AccessAsync(link)).State.ShouldBe(AccessState.Revoked);

        // The teen consents from their own account: access is back, and no later run touches it.
        var teenAccount = Guid.CreateVersion7();
        await profiles.QueryAsync(async db =>
        {
            var access = await db.Accesses.SingleAsync(a => a.Id == link);
            db.AccessChanges.Add(access.Consent(teenAccount, profiles.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
            return 0;
        });
        (await profiles.SendAsync(new MayActFor(teen, ProfileTabs.Documents))).ShouldBeTrue();
        for (var day = 0; day < 3; day++)
        {
            profiles.Clock.Advance(TimeSpan.FromDays(1));
            (await profiles.RunAgeOfConsentJobAsync()).ShouldBe(new PatientPortal.Modules.Profiles.Jobs.AgeOfConsentRun(0, 0, 0, 0));
        }

        var consented = await profiles.AccessAsync(link);
        (consented.State, consented.PersonConsented, consented.RevokedReason).ShouldBe((AccessState.Active, true, null));
        (await profiles.SendAsync(new MayActFor(teen, ProfileTabs.Documents))).ShouldBeTrue();
        var consent = (await profiles.ChangesAsync(AccessChangeKind.ConsentGiven)).ShouldHaveSingleItem();
        (consent.ConsentGivenBy, consent.Basis).ShouldBe((teenAccount, ConsentBasis.PatientConsent));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_renewal_on_the_teens_consent_survives_the_job(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var parent = await profiles.ParentAsync();
        var teen = await profiles.TeenAsync("Nathan", new DateOnly(2012, 7, 15));
        var link = await profiles.AttachAsync(parent.AccountId, teen);
        profiles.Clock.SetUtcNow(Utc("2026-07-16T12:00:00Z"));
        await profiles.RunAgeOfConsentJobAsync();

        await Renew(profiles, link, ConsentBasis.PatientConsent, consentGivenBy: Guid.CreateVersion7());
        profiles.Clock.Advance(TimeSpan.FromDays(1));

        (await profiles.RunAgeOfConsentJobAsync()).Revoked.ShouldBe(0);
        (await profiles.AccessAsync(link)).State.ShouldBe(AccessState.Active);
        profiles.Current.AccountId = parent.AccountId;
        (await profiles.SendAsync(new MayActFor(teen, ProfileTabs.Bills))).ShouldBeTrue();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_parent_is_told_once_30_days_before(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var parent = await profiles.ParentAsync(language: "fr-CA");
        var teen = await profiles.TeenAsync("Nathan", new DateOnly(2012, 7, 15), "nathan.milner@example.com");
        var link = await profiles.AttachAsync(parent.AccountId, teen);

        // 31 days before (15 June, Montreal): not yet.
        profiles.Clock.SetUtcNow(Utc("2026-06-15T03:59:59Z"));
        (await profiles.RunAgeOfConsentJobAsync()).Noticed.ShouldBe(0);

        // From local midnight 30 days before: once.
        profiles.Clock.SetUtcNow(Utc("2026-06-15T04:00:00Z"));
        (await profiles.RunAgeOfConsentJobAsync()).Noticed.ShouldBe(1);
        profiles.Clock.Advance(TimeSpan.FromDays(1));
        (await profiles.RunAgeOfConsentJobAsync()).Noticed.ShouldBe(0);

        var notice = (await profiles.MailAsync()).ShouldHaveSingleItem();
        (notice.To, notice.Culture).ShouldBe((parent.Email, "fr-CA"));
        notice.Subject.ShouldContain("15 juillet 2026");
        notice.TextBody.ShouldContain("Le 15 juillet 2026, Nathan atteint l'âge de consentement aux soins (14 ans)");
        var access = await profiles.AccessAsync(link);
        (access.State, access.AgeNoticeSentUtc).ShouldBe((AccessState.Active, Utc("2026-06-15T04:00:00Z")));
        (await profiles.PublishedAsync<ProfileAccessRevoked>()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_teen_with_an_account_of_their_own_is_not_invited_and_a_second_parent_does_not_tell_the_teen_twice(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var mother = await profiles.ParentAsync();
        var father = await profiles.ParentAsync(firstName: "Marc");
        var teen = await profiles.TeenAsync("Nathan", new DateOnly(2012, 7, 15), "nathan.milner@example.com", language: "en-CA");
        await profiles.AttachAsync(mother.AccountId, teen);
        await profiles.AttachAsync(father.AccountId, teen);
        var teensAccount = Guid.CreateVersion7();
        await profiles.QueryAsync(async db =>
        {
            var (own, change) = ProfileAccess.GrantSelf(teensAccount, teen, ConsentBasis.ClinicInvitation, profiles.Clock.GetUtcNow());
            db.Accesses.AddRange(own);
            db.AccessChanges.Add(change);
            await db.SaveChangesAsync();
            return 0;
        });
        profiles.Clock.SetUtcNow(Utc("2026-07-15T04:00:00Z"));

        (await profiles.RunAgeOfConsentJobAsync()).Revoked.ShouldBe(2);

        var mail = await profiles.MailAsync();
        mail.Select(m => m.To).Order().ShouldBe(new[] { mother.Email, father.Email, "nathan.milner@example.com" }.Order());
        mail.Single(m => m.To == "nathan.milner@example.com").TextBody.ShouldContain("from your own portal account");
        (await profiles.PublishedAsync<ProfileAccessRevoked>()).Count.ShouldBe(2);
        (await profiles.PublishedAsync<ProfileReachedAgeOfConsent>()).ShouldBeEmpty();
        profiles.Current.AccountId = teensAccount;
        (await profiles.SendAsync(new MayActFor(teen, ProfileTabs.Messages))).ShouldBeTrue();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_record_carrying_a_parents_address_gets_no_teen_mail_and_no_address_to_invite(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var parent = await profiles.ParentAsync();
        var teen = await profiles.TeenAsync("Nathan", new DateOnly(2012, 7, 15), parent.Email.ToUpperInvariant());
        await profiles.AttachAsync(parent.AccountId, teen);
        profiles.Clock.SetUtcNow(Utc("2026-07-15T04:00:00Z"));

        (await profiles.RunAgeOfConsentJobAsync()).Revoked.ShouldBe(1);

        (await profiles.MailAsync()).ShouldHaveSingleItem().Subject.ShouldContain("Your access to Nathan's file");
        (await profiles.PublishedAsync<ProfileReachedAgeOfConsent>()).ShouldHaveSingleItem().ContactEmail.ShouldBeNull();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_row_that_fails_is_left_for_the_next_run_and_the_others_go_on(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var parent = await profiles.ParentAsync();
        var poisoned = await profiles.AttachAsync(parent.AccountId, await profiles.TeenAsync("Anna", new DateOnly(2012, 7, 15)));
        var healthy = await profiles.AttachAsync(parent.AccountId, await profiles.TeenAsync("Nathan", new DateOnly(2012, 7, 15)));
        await profiles.QueryAsync(db =>
        {
            var table = db.Model.FindEntityType(typeof(ProfileAccess))!;
            var name = table.GetSchema() is { } schema && !db.Database.ProviderName!.Contains("Sqlite", StringComparison.Ordinal) ? $"\"{schema}\".\"{table.GetTableName()}\"" : $"\"{table.GetTableName()}\"";
            var sql = "UPDATE " + name + " SET \"RevokedReason\" = 'NotAReason' WHERE \"Id\" = {0}";
            return db.Database.ExecuteSqlRawAsync(sql, poisoned);
        });
        profiles.Clock.SetUtcNow(Utc("2026-07-15T04:00:00Z"));

        var run = await profiles.RunAgeOfConsentJobAsync();

        (run.Revoked, run.Failed).ShouldBe((1, 1));
        (await profiles.AccessAsync(healthy)).State.ShouldBe(AccessState.Revoked);
        (await profiles.MailAsync()).Count.ShouldBe(1);
        (await profiles.PublishedAsync<ProfileAccessRevoked>()).ShouldHaveSingleItem().ProfileId.ShouldNotBe(Guid.Empty);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Self_links_pending_links_and_younger_children_are_left_alone(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var parent = await profiles.ParentAsync();
        var younger = await profiles.TeenAsync("Nathan", new DateOnly(2017, 2, 18));
        var link = await profiles.AttachAsync(parent.AccountId, younger);
        profiles.Clock.SetUtcNow(Utc("2026-07-15T04:00:00Z"));

        (await profiles.RunAgeOfConsentJobAsync()).ShouldBe(new PatientPortal.Modules.Profiles.Jobs.AgeOfConsentRun(0, 0, 0, 0));

        (await profiles.AccessAsync(link)).State.ShouldBe(AccessState.Active);
        (await profiles.MailAsync()).ShouldBeEmpty();
    }

    private static Task<int> Renew(ProfilesHarness profiles, Guid link, ConsentBasis basis, Guid? consentGivenBy) =>
        profiles.QueryAsync(async db =>
        {
            var access = await db.Accesses.SingleAsync(a => a.Id == link);
            db.AccessChanges.Add(access.Renew(Relationship.Parent, ProfileTabs.All, AccessState.Active, Guid.CreateVersion7(), consentGivenBy, basis, profiles.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
            return 0;
        });

    /// <summary>Events compare by their data, not by their id and stamp.</summary>
    private sealed class EventComparer<T> : IEqualityComparer<T>
        where T : BuildingBlocks.Messaging.IntegrationEvent
    {
        public bool Equals(T? x, T? y) => x is not null && y is not null && x with { EventId = Guid.Empty, OccurredUtc = default } == y with { EventId = Guid.Empty, OccurredUtc = default };

        public int GetHashCode(T obj) => 0;
    }
}
