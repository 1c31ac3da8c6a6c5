using System.Collections.Concurrent;

namespace PatientPortal.Modules.Appointments.Scheduling;

/// <summary>
/// The practitioners' times this process is booking right now, so that bookings of one time in this process go one after
/// another without doing the work first: a booking claims its time (the keys of <see cref="SlotBooking.PractitionerTime"/>)
/// before anything else, and a booking of an overlapping time waits for that one's outcome, holding nothing (no
/// connection, no lock): when it booked an overlapping time this one is "just taken" at once, otherwise this one goes on.
/// bench/Appointments: twelve of sixteen bookers of a doctor's few free times lose, and their reading of the schedule,
/// their emails and their transactions were most of what the last of them waited for. Only a shortcut: the database's
/// locks and unique index still decide, between processes too, and a claim that fails (a crafted time, the person's
/// rules) turns nobody away, and delays another booking by its own length once at most. A booking waits at most
/// <see cref="MaxWait"/>, then goes on without a claim.
/// </summary>
internal sealed class BookingsUnderWay(TimeProvider clock)
{
    /// <summary>As long as a booking may wait for the database's locks.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<long, Claim> _claims = new();

    /// <summary>
    /// Claims the practitioner's time from <paramref name="start"/> to <paramref name="end"/>, after any booking of this
    /// process holding an overlapping time ends. Taken: one of them booked an overlapping time. Otherwise the claim, to
    /// mark <see cref="Claim.Booked"/> and dispose, or none when waiting took longer than <see cref="MaxWait"/>.
    /// </summary>
    public async Task<(bool Taken, Claim? Claim)> ClaimAsync(Guid practitionerId, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var keys = SlotBooking.PractitionerTime(practitionerId, start, end).Distinct().ToList();
        var giveUp = clock.GetUtcNow() + MaxWait;
        var waitedInVain = false;
        while (true)
        {
            var claim = new Claim(this, keys, start, end);
            if (TryAdd(claim) is not { } holder)
            {
                return (false, claim);
            }

            // One wait for a booking that did not take the time, then on without a claim: a stream of bookings bound to
            // fail (review: a crafted time, a patient at their limit) delays another by one of them at most.
            if (waitedInVain)
            {
                return (false, null);
            }

            var left = giveUp - clock.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return (false, null);
            }

            try
            {
                if (await holder.Outcome.WaitAsync(left, clock, cancellationToken) && holder.Start < end && start < holder.End)
                {
                    return (true, null);
                }

                waitedInVain = true;
            }
            catch (TimeoutException)
            {
                return (false, null);
            }
        }
    }

    /// <summary>Adds every key of the claim, or none: then the holder of the first key already held.</summary>
    private Claim? TryAdd(Claim claim)
    {
        for (var i = 0; i < claim.Keys.Count; i++)
        {
            if (!_claims.TryAdd(claim.Keys[i], claim))
            {
                Release(claim, claim.Keys.Take(i));
                // Another booking may have met this claim's first keys meanwhile and be waiting for it (review).
                claim.Abandon();
                // The holder may have ended in between: then there is nothing to wait for, try again.
                return _claims.TryGetValue(claim.Keys[i], out var holder) ? holder : Claim.Ended;
            }
        }

        return null;
    }

    private void Release(Claim claim, IEnumerable<long> keys)
    {
        foreach (var key in keys)
        {
            _claims.TryRemove(new KeyValuePair<long, Claim>(key, claim));
        }
    }

    /// <summary>A booking's time, held until it is disposed; its outcome tells whoever waited whether the time was taken.</summary>
    internal sealed class Claim : IDisposable
    {
        /// <summary>Stands for a holder that ended before it could be waited for.</summary>
        public static readonly Claim Ended = new();

        private readonly BookingsUnderWay? _owner;
        private readonly TaskCompletionSource<bool> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool _booked;

        public Claim(BookingsUnderWay owner, IReadOnlyList<long> keys, DateTimeOffset start, DateTimeOffset end) =>
            (_owner, Keys, Start, End) = (owner, keys, start, end);

        private Claim()
        {
            Keys = [];
            _outcome.SetResult(false);
        }

        public IReadOnlyList<long> Keys { get; }
        public DateTimeOffset Start { get; }
        public DateTimeOffset End { get; }

        /// <summary>Whether the booking took the time (true), once it ended.</summary>
        public Task<bool> Outcome => _outcome.Task;

        /// <summary>Given back before it held all its keys: whoever found one of them goes on.</summary>
        public void Abandon() => _outcome.TrySetResult(false);

        /// <summary>The booking is committed: those waiting for an overlapping time are "just taken".</summary>
        public void Booked() => _booked = true;

        public void Dispose()
        {
            if (_owner is not null && !_outcome.Task.IsCompleted)
            {
                _owner.Release(this, Keys);
                _outcome.TrySetResult(_booked);
            }
        }
    }
}
