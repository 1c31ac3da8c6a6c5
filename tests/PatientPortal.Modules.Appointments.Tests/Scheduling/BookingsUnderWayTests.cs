using Microsoft.Extensions.Time.Testing;
using PatientPortal.Modules.Appointments.Scheduling;
using Shouldly;

namespace PatientPortal.Modules.Appointments.Tests.Scheduling;

/// <summary>BookingsUnderWay: bookings of overlapping times in one process go one after another, those of other times do not wait.</summary>
public sealed class BookingsUnderWayTests
{
    private static readonly Guid Practitioner = Guid.NewGuid();
    private static readonly DateTimeOffset Nine = new(2026, 3, 5, 14, 0, 0, TimeSpan.Zero);

    private static Task<(bool Taken, BookingsUnderWay.Claim? Claim)> ClaimAsync(BookingsUnderWay underWay, int fromMinute, int toMinute) =>
        underWay.ClaimAsync(Practitioner, Nine.AddMinutes(fromMinute), Nine.AddMinutes(toMinute), CancellationToken.None);

    [Fact]
    public async Task A_time_that_does_not_overlap_is_claimed_at_once()
    {
        var underWay = new BookingsUnderWay(new FakeTimeProvider(Nine));
        using var first = (await ClaimAsync(underWay, 0, 20)).Claim;

        var next = await ClaimAsync(underWay, 20, 40).WaitAsync(TimeSpan.FromSeconds(5));

        first.ShouldNotBeNull();
        next.Taken.ShouldBeFalse();
        next.Claim.ShouldNotBeNull();
    }

    [Fact]
    public async Task An_overlapping_time_waits_and_is_taken_when_the_other_booked()
    {
        var underWay = new BookingsUnderWay(new FakeTimeProvider(Nine));
        var first = (await ClaimAsync(underWay, 0, 20)).Claim!;
        var behind = ClaimAsync(underWay, 15, 35);
        await Task.Delay(100);
        behind.IsCompleted.ShouldBeFalse();

        first.Booked();
        first.Dispose();
        var (taken, claim) = await behind.WaitAsync(TimeSpan.FromSeconds(5));

        taken.ShouldBeTrue();
        claim.ShouldBeNull();
    }

    [Fact]
    public async Task An_overlapping_time_is_claimed_when_the_other_ends_without_booking_and_a_partial_claim_keeps_nothing()
    {
        var underWay = new BookingsUnderWay(new FakeTimeProvider(Nine));
        var first = (await ClaimAsync(underWay, 10, 30)).Claim!;
        // 0-20 meets the held 10-15 unit after taking 0-10: those are given back while it waits.
        var behind = ClaimAsync(underWay, 0, 20);
        await Task.Delay(100);
        using var before = (await ClaimAsync(underWay, 0, 10).WaitAsync(TimeSpan.FromSeconds(5))).Claim;
        before.ShouldNotBeNull("the waiting claim holds none of its keys");
        before.Dispose();

        first.Dispose();
        var (taken, claim) = await behind.WaitAsync(TimeSpan.FromSeconds(5));

        taken.ShouldBeFalse();
        claim.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_holder_that_never_ends_is_waited_for_no_longer_than_the_limit()
    {
        var clock = new FakeTimeProvider(Nine);
        var underWay = new BookingsUnderWay(clock);
        using var stuck = (await ClaimAsync(underWay, 0, 20)).Claim;
        var behind = ClaimAsync(underWay, 0, 20);
        await Task.Delay(100);
        behind.IsCompleted.ShouldBeFalse();

        clock.Advance(BookingsUnderWay.MaxWait);
        var (taken, claim) = await behind.WaitAsync(TimeSpan.FromSeconds(5));

        taken.ShouldBeFalse("it goes on, and the database decides");
        claim.ShouldBeNull();
    }
}
