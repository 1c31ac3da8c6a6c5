using System.Collections.Concurrent;

namespace PatientPortal.Modules.Appointments.Scheduling;

/// <summary>
/// The practitioners' times this process is booking right now (the keys of <see cref="SlotBooking.PractitionerTime"/>).
/// A booking claims its time once it has passed every check but the last one under the database's locks, and keeps the
/// claim until it commits or fails; another booking of an overlapping time in this process is then "just taken" at once,
/// before it reads the schedule, works out its emails or opens a transaction (bench/Appointments: twelve of sixteen
/// bookers of a doctor's few free times lose, and their work was most of what the last one waited for). Only a shortcut:
/// the database's locks and unique index still decide, between processes too. A claim holds no connection, so a booking
/// may look up its emails' recipients in other modules while it holds one (ADR 0015).
/// </summary>
internal sealed class BookingsUnderWay
{
    private readonly ConcurrentDictionary<long, byte> _claimed = new();

    /// <summary>Whether another booking of this process holds any of these keys now.</summary>
    public bool AnyClaimed(IEnumerable<long> keys) => keys.Any(_claimed.ContainsKey);

    /// <summary>Claims every key, or none (null) when another booking holds one of them.</summary>
    public Claim? TryClaim(IReadOnlyList<long> keys)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (!_claimed.TryAdd(keys[i], 0))
            {
                Release(keys.Take(i));
                return null;
            }
        }

        return new Claim(this, keys);
    }

    private void Release(IEnumerable<long> keys)
    {
        foreach (var key in keys)
        {
            _claimed.TryRemove(key, out _);
        }
    }

    internal sealed class Claim(BookingsUnderWay owner, IReadOnlyList<long> keys) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release(keys);
            }
        }
    }
}
