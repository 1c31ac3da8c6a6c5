using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PatientPortal.Bench.Appointments;

/// <summary>
/// APPT_BREAKDOWN=1: where a measured call's time goes, SQL commands (count and time, from EF Core's diagnostic events)
/// against the rest (the module's own work: materializing, computing slots), averaged over the calls.
/// </summary>
internal sealed class Breakdown : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly AsyncLocal<Counter?> Current = new();
    private readonly List<IDisposable> _subscriptions = [];

    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("APPT_BREAKDOWN") == "1";

    public static Breakdown Start()
    {
        var breakdown = new Breakdown();
        breakdown._subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(breakdown));
        return breakdown;
    }

    public static async Task<string> MeasureAsync(int calls, Func<int, Task> call)
    {
        var counter = new Counter();
        var total = 0.0;
        for (var i = 0; i < calls; i++)
        {
            Current.Value = counter;
            var start = Stopwatch.GetTimestamp();
            await call(i);
            total += Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            Current.Value = null;
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{total / calls,8:F2} ms a call: {(double)counter.Commands / calls,5:F1} SQL commands, {counter.Milliseconds / calls,7:F2} ms in them, {counter.Rows / calls,7:F0} rows read");
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            _subscriptions.Add(value.Subscribe(this));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (Current.Value is not { } counter)
        {
            return;
        }

        if (value.Value is CommandExecutedEventData executed)
        {
            Interlocked.Increment(ref counter.Commands);
            counter.Add(executed.Duration.TotalMilliseconds);
        }
        else if (value.Value is DataReaderDisposingEventData reader)
        {
            Interlocked.Add(ref counter.Rows, reader.ReadCount);
        }
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    private sealed class Counter
    {
        public int Commands;
        public long Rows;
        private double _milliseconds;

        public double Milliseconds => _milliseconds;

        public void Add(double milliseconds)
        {
            lock (this)
            {
                _milliseconds += milliseconds;
            }
        }
    }
}
