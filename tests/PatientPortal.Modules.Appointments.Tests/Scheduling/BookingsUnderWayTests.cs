using PatientPortal.Modules.Appointments.Scheduling;
using Shouldly;

namespace PatientPortal.Modules.Appointments.Tests.Scheduling;

/// <summary>BookingsUnderWay: a claim takes every key of a time or none, and gives them back once.</summary>
public sealed class BookingsUnderWayTests
{
    [Fact]
    public void A_claim_that_meets_a_held_key_takes_none_of_the_others()
    {
        var underWay = new BookingsUnderWay();
        using var held = underWay.TryClaim([2, 3]);

        var overlapping = underWay.TryClaim([1, 2]);

        held.ShouldNotBeNull();
        overlapping.ShouldBeNull();
        underWay.AnyClaimed([1]).ShouldBeFalse("the key taken before the conflict is given back");
        underWay.TryClaim([1]).ShouldNotBeNull();
    }

    [Fact]
    public void A_claim_released_twice_does_not_release_the_next_holder_s()
    {
        var underWay = new BookingsUnderWay();
        var first = underWay.TryClaim([7])!;
        first.Dispose();
        using var second = underWay.TryClaim([7]);

        first.Dispose();

        second.ShouldNotBeNull();
        underWay.AnyClaimed([7]).ShouldBeTrue();
    }
}
