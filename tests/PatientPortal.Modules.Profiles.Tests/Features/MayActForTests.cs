using Microsoft.Extensions.DependencyInjection;
using PatientPortal.Modules.Profiles.Data;

namespace PatientPortal.Modules.Profiles.Tests.Features;

/// <summary>
/// ADR 0012: MayActFor reads the account's link once per request (a page asks for the margin, the tab and the handler),
/// yet answers at the instant of each question (age rule), forgets what it read when the request saves a change, and
/// a link revoked by another request stops at the next request.
/// </summary>
public sealed class MayActForTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_link_revoked_by_another_request_stops_at_the_next_request(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var family = await SignedInParentAsync(profiles, Registrations.NathanBirthDate);
        using var request = profiles.BeginRequest();
        (await request.SendAsync(new MayActFor(family.ChildId, ProfileTabs.Appointments))).ShouldBeTrue();

        await RevokeAsync(profiles, family.ParentAccountId, family.ChildId);

        (await request.SendAsync(new MayActFor(family.ChildId, ProfileTabs.Appointments))).ShouldBeTrue("read once in this request");
        (await profiles.MayActForAsync(family.ParentAccountId, family.ChildId)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_change_saved_in_the_request_is_read_again(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var family = await SignedInParentAsync(profiles, Registrations.NathanBirthDate);
        using var request = profiles.BeginRequest();
        (await request.SendAsync(new MayActFor(family.ChildId, ProfileTabs.Bills))).ShouldBeTrue();
        (await request.SendAsync(new GetSelectedProfile(family.ChildId))).Value.ProfileId.ShouldBe(family.ChildId);

        var db = request.Services.GetRequiredService<ProfilesDbContext>();
        var link = await db.Accesses.SingleAsync(a => a.AccountId == family.ParentAccountId && a.ProfileId == family.ChildId);
        db.AccessChanges.Add(link.Revoke(RevocationReason.RevokedByPatient, family.ParentAccountId, ConsentBasis.System, profiles.Clock.GetUtcNow()));
        await db.SaveChangesAsync();

        (await request.SendAsync(new MayActFor(family.ChildId, ProfileTabs.Bills))).ShouldBeFalse();
        (await request.SendAsync(new GetSelectedProfile(family.ChildId))).Value.RequestRefused.ShouldBeTrue();
        (await request.SendAsync(new GetMyProfiles())).Value.Single(p => p.ProfileId == family.ChildId).State.ShouldBe(AccessState.Revoked);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_age_rule_is_applied_at_each_question_in_the_request(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var birthday = new DateOnly(2026, 3, 3);
        var family = await SignedInParentAsync(profiles, birthday.AddYears(-14));
        profiles.Clock.SetUtcNow(Families.MontrealMidnight(birthday).AddTicks(-1));
        using var request = profiles.BeginRequest();
        (await request.SendAsync(new MayActFor(family.ChildId, ProfileTabs.Appointments))).ShouldBeTrue();

        profiles.Clock.SetUtcNow(Families.MontrealMidnight(birthday));

        (await request.SendAsync(new MayActFor(family.ChildId, ProfileTabs.Appointments))).ShouldBeFalse();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Each_tab_is_answered_from_the_link_read_once_and_another_familys_child_never(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var mine = await profiles.FamilyAsync("Milner", Registrations.NathanBirthDate, ProfileTabs.Appointments | ProfileTabs.Documents);
        var theirs = await profiles.FamilyAsync("Tremblay", new DateOnly(2016, 6, 1));
        profiles.Current.AccountId = mine.ParentAccountId;
        using var request = profiles.BeginRequest();

        var answers = new List<bool>();
        foreach (var tab in new[] { ProfileTabs.Appointments, ProfileTabs.Messages, ProfileTabs.Documents, ProfileTabs.Bills })
        {
            answers.Add(await request.SendAsync(new MayActFor(mine.ChildId, tab)));
        }

        answers.ShouldBe([true, false, true, false]);
        (await request.SendAsync(new MayActFor(theirs.ChildId, ProfileTabs.Appointments))).ShouldBeFalse();
        (await request.SendAsync(new MayActFor(mine.ParentProfileId, ProfileTabs.Bills))).ShouldBeTrue("the account's own profile opens every tab");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task One_request_answers_the_selection_the_list_and_the_checks_from_one_read_and_the_next_request_reads_again(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var family = await SignedInParentAsync(profiles, Registrations.NathanBirthDate);
        using (var request = profiles.BeginRequest())
        {
            (await request.SendAsync(new GetSelectedProfile(family.ChildId))).Value.ProfileId.ShouldBe(family.ChildId);
            await RevokeAsync(profiles, family.ParentAccountId, family.ChildId);

            // The page that began before the revocation finishes as it began: one consistent view of the links.
            (await request.SendAsync(new MayActFor(family.ChildId, ProfileTabs.Appointments))).ShouldBeTrue();
            (await request.SendAsync(new GetMyProfiles())).Value.Single(p => p.ProfileId == family.ChildId).State.ShouldBe(AccessState.Active);
        }

        using var next = profiles.BeginRequest();
        (await next.SendAsync(new MayActFor(family.ChildId, ProfileTabs.Appointments))).ShouldBeFalse("revoked: the next request reads the links again");
        var selected = (await next.SendAsync(new GetSelectedProfile(family.ChildId))).Value;
        selected.RequestRefused.ShouldBeTrue();
        selected.ProfileId.ShouldBe(family.ParentProfileId);
        (await next.SendAsync(new GetMyProfiles())).Value.Single(p => p.ProfileId == family.ChildId).State.ShouldBe(AccessState.Revoked);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Another_account_in_the_same_scope_gets_its_own_answer(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var mine = await profiles.FamilyAsync("Milner", Registrations.NathanBirthDate);
        var theirs = await profiles.FamilyAsync("Tremblay", new DateOnly(2016, 6, 1));
        using var request = profiles.BeginRequest();

        profiles.Current.AccountId = mine.ParentAccountId;
        (await request.SendAsync(new MayActFor(mine.ChildId, ProfileTabs.Appointments))).ShouldBeTrue();
        profiles.Current.AccountId = theirs.ParentAccountId;
        (await request.SendAsync(new MayActFor(mine.ChildId, ProfileTabs.Appointments))).ShouldBeFalse();
        profiles.Current.AccountId = null;
        (await request.SendAsync(new MayActFor(mine.ChildId, ProfileTabs.Appointments))).ShouldBeFalse();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Asking_for_a_named_account_does_not_change_the_signed_in_accounts_answers_in_the_same_request(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var mine = await profiles.FamilyAsync("Milner", Registrations.NathanBirthDate);
        var theirs = await profiles.FamilyAsync("Tremblay", new DateOnly(2016, 6, 1));
        profiles.Current.AccountId = mine.ParentAccountId;
        using var request = profiles.BeginRequest();

        (await request.SendAsync(new MayAccountActFor(theirs.ParentAccountId, theirs.ChildId, ProfileTabs.Appointments))).ShouldBeTrue();
        (await request.SendAsync(new MayActFor(theirs.ChildId, ProfileTabs.Appointments))).ShouldBeFalse("another family's child");
        (await request.SendAsync(new MayActFor(mine.ChildId, ProfileTabs.Appointments))).ShouldBeTrue();
        (await request.SendAsync(new GetMyProfiles())).Value.Select(p => p.ProfileId).ShouldBe([mine.ParentProfileId, mine.ChildId], ignoreOrder: true);
        (await request.SendAsync(new MayAccountActFor(mine.ParentAccountId, theirs.ChildId, ProfileTabs.Appointments))).ShouldBeFalse();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task MayAccountActFor_answers_for_the_named_account_whoever_is_signed_in_with_the_age_rule_and_revocations(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var birthday = new DateOnly(2026, 3, 3);
        var mine = await profiles.FamilyAsync("Milner", birthday.AddYears(-14), ProfileTabs.Appointments);
        var theirs = await profiles.FamilyAsync("Tremblay", new DateOnly(2016, 6, 1));
        profiles.Clock.SetUtcNow(Families.MontrealMidnight(birthday).AddTicks(-1));
        profiles.Current.AccountId = theirs.ParentAccountId;

        (await profiles.SendAsync(new MayAccountActFor(mine.ParentAccountId, mine.ChildId, ProfileTabs.Appointments))).ShouldBeTrue();
        (await profiles.SendAsync(new MayAccountActFor(mine.ParentAccountId, mine.ChildId, ProfileTabs.Messages))).ShouldBeFalse("not a tab of the link");
        (await profiles.SendAsync(new MayAccountActFor(theirs.ParentAccountId, mine.ChildId, ProfileTabs.Appointments))).ShouldBeFalse();
        profiles.Clock.SetUtcNow(Families.MontrealMidnight(birthday));
        (await profiles.SendAsync(new MayAccountActFor(mine.ParentAccountId, mine.ChildId, ProfileTabs.Appointments))).ShouldBeFalse("the age of consent");
        (await profiles.SendAsync(new MayAccountActFor(theirs.ParentAccountId, theirs.ChildId, ProfileTabs.Appointments))).ShouldBeTrue();
        await RevokeAsync(profiles, theirs.ParentAccountId, theirs.ChildId);
        (await profiles.SendAsync(new MayAccountActFor(theirs.ParentAccountId, theirs.ChildId, ProfileTabs.Appointments))).ShouldBeFalse("revoked");
    }

    /// <summary>A parent with every tab for their child, signed in.</summary>
    private static async Task<Family> SignedInParentAsync(ProfilesHarness profiles, DateOnly childBirthDate)
    {
        var family = await profiles.FamilyAsync("Milner", childBirthDate);
        profiles.Current.AccountId = family.ParentAccountId;
        return family;
    }

    private static Task<int> RevokeAsync(ProfilesHarness profiles, Guid accountId, Guid profileId) =>
        profiles.QueryAsync(async db =>
        {
            var link = await db.Accesses.SingleAsync(a => a.AccountId == accountId && a.ProfileId == profileId);
            db.AccessChanges.Add(link.Revoke(RevocationReason.RevokedByStaff, changedBy: null, ConsentBasis.StaffDecision, profiles.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });
}
