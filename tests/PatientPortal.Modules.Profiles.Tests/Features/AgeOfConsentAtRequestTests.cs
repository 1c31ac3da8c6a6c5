namespace PatientPortal.Modules.Profiles.Tests.Features;

/// <summary>
/// security.md B15: a parent's access ends at the first instant of the child's 14th birthday in Montreal, at the next
/// request, for every patient-facing slice, with no job having run; the instant before, it still works. Montreal's
/// midnight is 05:00 UTC in winter and 04:00 UTC in summer: birthdays either side of the spring change and on the day
/// of the fall change.
/// </summary>
public sealed class AgeOfConsentAtRequestTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "2026-03-06", 5)]
    [InlineData(DatabaseProvider.Sqlite, "2026-03-09", 4)]
    [InlineData(DatabaseProvider.Sqlite, "2026-11-01", 4)]
    [InlineData(DatabaseProvider.Postgres, "2026-03-06", 5)]
    [InlineData(DatabaseProvider.Postgres, "2026-03-09", 4)]
    [InlineData(DatabaseProvider.Postgres, "2026-11-01", 4)]
    public async Task A_parents_access_ends_at_local_midnight_on_the_14th_birthday_and_not_an_instant_before(DatabaseProvider provider, string birthday, int utcHour)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var day = DateOnly.Parse(birthday, System.Globalization.CultureInfo.InvariantCulture);
        var family = await profiles.FamilyAsync("Roy", day.AddYears(-14));
        var midnight = new DateTimeOffset(day.ToDateTime(new TimeOnly(utcHour, 0)), TimeSpan.Zero);
        Families.MontrealMidnight(day).ShouldBe(midnight, "the test's own idea of Montreal's midnight");
        profiles.Current.AccountId = family.ParentAccountId;

        profiles.Clock.SetUtcNow(midnight.AddTicks(-1));
        (await profiles.SendAsync(new SwitchProfile(family.ChildId))).IsSuccess.ShouldBeTrue();
        (await profiles.SendAsync(new GetSelectedProfile(family.ChildId))).Value.ProfileId.ShouldBe(family.ChildId);
        (await profiles.SendAsync(new GetProfileSettings(family.ChildId))).IsSuccess.ShouldBeTrue();
        (await profiles.SendAsync(new ExportProfile(family.ChildId))).IsSuccess.ShouldBeTrue();
        (await profiles.SendAsync(new UpdateNotificationPreferences(family.ChildId, true, false, true))).IsSuccess.ShouldBeTrue();
        (await profiles.SendAsync(new GetMyProfiles())).Value.Single(p => p.ProfileId == family.ChildId).State.ShouldBe(AccessState.Active);

        profiles.Clock.SetUtcNow(midnight);
        var refused = new Error(ProfilesErrors.ProfileNotAvailable);
        (await profiles.SendAsync(new SwitchProfile(family.ChildId))).Errors.ShouldBe([refused]);
        var selected = (await profiles.SendAsync(new GetSelectedProfile(family.ChildId))).Value;
        (selected.ProfileId, selected.Relationship, selected.RequestRefused).ShouldBe((family.ParentProfileId, Relationship.Self, true));
        (await profiles.SendAsync(new GetProfileSettings(family.ChildId))).Errors.ShouldBe([refused]);
        (await profiles.SendAsync(new ExportProfile(family.ChildId))).Errors.ShouldBe([refused]);
        (await profiles.SendAsync(new UpdateNotificationPreferences(family.ChildId, false, false, false))).Errors.ShouldBe([refused]);
        (await profiles.SendAsync(UpdatePersonalInformationTests.Update(family.ChildId, firstName: "Changed"))).Errors.ShouldBe([refused]);
        (await profiles.RecordAsync(family.ChildId)).FirstName.ShouldBe("Child");
        (await profiles.RecordAsync(family.ChildId)).Notifications.ShouldBe(new NotificationPreferences(true, false, true));

        var child = (await profiles.SendAsync(new GetMyProfiles())).Value.Single(p => p.ProfileId == family.ChildId);
        (child.State, child.EndedBecause, child.RevokedUtc).ShouldBe((AccessState.Revoked, LinkEndReason.AgeOfConsentReached, midnight));

        var reads = await profiles.ReadsAsync();
        reads.Where(r => r.ReadUtc == midnight).Select(r => (r.What, r.Role, r.Allowed)).ShouldBe(
        [
            ("switch", ReaderRole.Proxy, false), ("select", ReaderRole.Proxy, false), ("settings", ReaderRole.Proxy, false),
            ("export", ReaderRole.Proxy, false), ("notifications-update", ReaderRole.Proxy, false), ("settings-update", ReaderRole.Proxy, false),
        ], ignoreOrder: true);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_link_the_person_consented_to_outlives_the_birthday(DatabaseProvider provider)
    {
        await using var profiles = await ProfilesHarness.CreateAsync(provider);
        var family = await profiles.FamilyAsync("Roy", new DateOnly(2012, 3, 6));
        await profiles.QueryAsync(async db =>
        {
            var link = await db.Accesses.SingleAsync(a => a.ProfileId == family.ChildId);
            db.AccessChanges.Add(link.Consent(Guid.CreateVersion7(), profiles.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });
        profiles.Current.AccountId = family.ParentAccountId;

        profiles.Clock.SetUtcNow(Families.MontrealMidnight(new DateOnly(2026, 3, 6)).AddDays(1));

        (await profiles.SendAsync(new SwitchProfile(family.ChildId))).IsSuccess.ShouldBeTrue();
        (await profiles.SendAsync(new GetMyProfiles())).Value.Single(p => p.ProfileId == family.ChildId).EndedBecause.ShouldBeNull();
    }
}
