using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientPortal.BuildingBlocks.Persistence;
using PatientPortal.BuildingBlocks.Tests.TestData;
using Shouldly;

namespace PatientPortal.BuildingBlocks.Tests.Persistence;

/// <summary>
/// SQLite: the writers of one file line up on WriteLock's in-process gate and each starts as the one before ends, instead
/// of waiting in Microsoft.Data.Sqlite's busy loop (150 ms sleeps; bench/Appointments). Whatever their keys: the file has
/// one writer at a time anyway.
/// </summary>
public sealed class WriteLockTests
{
    private static readonly Guid Practitioner = Guid.NewGuid();

    [Fact]
    public async Task On_SQLite_the_next_writer_waits_for_the_gate_and_starts_when_the_first_commits()
    {
        await using var module = await CounterModule.CreateAsync(DatabaseProvider.Sqlite);
        using var first = module.Services.CreateScope();
        using var second = module.Services.CreateScope();
        var firstDb = first.ServiceProvider.GetRequiredService<CounterDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<CounterDbContext>();

        var held = await WriteLock.BeginAsync(firstDb, 1, [Practitioner], CancellationToken.None);
        firstDb.Counters.Add(new Counter { Id = 101, Value = 1 });
        await firstDb.SaveChangesAsync();
        // Called on this thread: a writer that waits for the file holds no thread (before the gate, it slept in the busy loop).
        var waiting = WriteLock.BeginAsync(secondDb, 2, "another key", CancellationToken.None);
        await Task.Delay(200);

        waiting.IsCompleted.ShouldBeFalse("the second writer of the file waits at the gate");
        await held.CommitAsync();
        await using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(2));
        secondDb.Counters.Add(new Counter { Id = 102, Value = 2 });
        await secondDb.SaveChangesAsync();
        await next.CommitAsync();
        await held.DisposeAsync();

        (await secondDb.Counters.AsNoTracking().Where(c => c.Id > 100).OrderBy(c => c.Id).Select(c => c.Value).ToListAsync()).ShouldBe([1, 2]);
    }

    [Fact]
    public async Task On_SQLite_a_writer_that_ends_without_committing_lets_the_next_in_and_its_change_is_gone()
    {
        await using var module = await CounterModule.CreateAsync(DatabaseProvider.Sqlite);
        using var first = module.Services.CreateScope();
        using var second = module.Services.CreateScope();
        var firstDb = first.ServiceProvider.GetRequiredService<CounterDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<CounterDbContext>();

        var held = await WriteLock.BeginAsync(firstDb, 1, [Practitioner], CancellationToken.None);
        firstDb.Counters.Add(new Counter { Id = 101, Value = 1 });
        await firstDb.SaveChangesAsync();
        var waiting = WriteLock.BeginAsync(secondDb, 1, [Practitioner], CancellationToken.None);
        await Task.Delay(200);
        waiting.IsCompleted.ShouldBeFalse();
        await held.DisposeAsync();

        await using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(2));
        (await secondDb.Counters.AsNoTracking().CountAsync(c => c.Id > 100)).ShouldBe(0);
    }

    [Fact]
    public async Task On_SQLite_sixteen_writers_at_once_all_commit_one_after_another()
    {
        await using var module = await CounterModule.CreateAsync(DatabaseProvider.Sqlite);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = Enumerable.Range(1, 16).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            using var scope = module.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CounterDbContext>();
            await using var transaction = await WriteLock.BeginAsync(db, 1, [Practitioner], CancellationToken.None);
            db.Counters.Add(new Counter { Id = 100 + i, Value = i });
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        })).ToList();
        gate.SetResult();
        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(30));

        using var check = module.Services.CreateScope();
        (await check.ServiceProvider.GetRequiredService<CounterDbContext>().Counters.CountAsync(c => c.Id > 100)).ShouldBe(16);
    }

    [Fact]
    public async Task On_SQLite_an_append_saved_in_turn_queues_at_the_gate_in_order_with_the_locked_writers()
    {
        await using var module = await CounterModule.CreateAsync(DatabaseProvider.Sqlite);
        using var first = module.Services.CreateScope();
        using var second = module.Services.CreateScope();
        using var third = module.Services.CreateScope();
        var firstDb = first.ServiceProvider.GetRequiredService<CounterDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<CounterDbContext>();
        var thirdDb = third.ServiceProvider.GetRequiredService<CounterDbContext>();

        var held = await WriteLock.BeginAsync(firstDb, 1, [Practitioner], CancellationToken.None);
        firstDb.Counters.Add(new Counter { Id = 101, Value = 1 });
        await firstDb.SaveChangesAsync();
        secondDb.Counters.Add(new Counter { Id = 102, Value = 2 });
        var append = WriteLock.SaveChangesInTurnAsync(secondDb, CancellationToken.None);
        await Task.Delay(100);
        var later = WriteLock.BeginAsync(thirdDb, 1, [Practitioner], CancellationToken.None);
        await Task.Delay(100);

        append.IsCompleted.ShouldBeFalse("the append waits while another writer holds the file");
        await held.CommitAsync();
        // First come, first served: in the busy loop the append would sleep 150 ms and the later writer would go first.
        await using var next = await later.WaitAsync(TimeSpan.FromSeconds(2));
        // The append's row is there when the later writer gets the file: it was queued first and went first. (Its task
        // may still be returning from the gate's release on another thread: awaited after, not asserted complete.)
        (await thirdDb.Counters.AsNoTracking().Where(c => c.Id > 100).OrderBy(c => c.Id).Select(c => c.Value).ToListAsync()).ShouldBe([1, 2]);
        (await append.WaitAsync(TimeSpan.FromSeconds(2))).ShouldBe(1);
        await next.CommitAsync();
    }

    [Fact]
    public async Task On_PostgreSQL_a_tried_key_another_holds_gives_up_at_once_and_is_free_again_when_it_ends()
    {
        await using var module = await CounterModule.CreateAsync(DatabaseProvider.Postgres);
        using var first = module.Services.CreateScope();
        using var second = module.Services.CreateScope();
        var firstDb = first.ServiceProvider.GetRequiredService<CounterDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<CounterDbContext>();
        long[] time = [WriteLock.KeyOf(Practitioner, 1), WriteLock.KeyOf(Practitioner, 2)];

        var held = await WriteLock.TryBeginAsync(firstDb, 1, [], [time[1]], CancellationToken.None);
        held.ShouldNotBeNull();
        var behind = await WriteLock.TryBeginAsync(secondDb, 1, [WriteLock.KeyOf(Guid.NewGuid())], time, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(5));
        var otherSpace = await WriteLock.TryBeginAsync(secondDb, 2, [], time, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        behind.ShouldBeNull("one of the tried keys is held: no waiting");
        otherSpace.ShouldNotBeNull("the same keys in another space are other locks");
        await otherSpace.DisposeAsync();
        await held.DisposeAsync();
        await using var after = await WriteLock.TryBeginAsync(secondDb, 1, [], time, CancellationToken.None);
        after.ShouldNotBeNull("the lock ended with the transaction that held it");
    }

    [Fact]
    public async Task On_PostgreSQL_a_waited_key_is_still_waited_for_before_the_tried_ones()
    {
        await using var module = await CounterModule.CreateAsync(DatabaseProvider.Postgres);
        using var first = module.Services.CreateScope();
        using var second = module.Services.CreateScope();
        var firstDb = first.ServiceProvider.GetRequiredService<CounterDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<CounterDbContext>();
        var profile = WriteLock.KeyOf(Guid.NewGuid());

        var held = await WriteLock.BeginAsync(firstDb, 1, [profile], CancellationToken.None);
        var waiting = WriteLock.TryBeginAsync(secondDb, 1, [profile], [WriteLock.KeyOf(Practitioner, 3)], CancellationToken.None);
        await Task.Delay(300);

        waiting.IsCompleted.ShouldBeFalse("the waited key is held by another transaction");
        await held.DisposeAsync();
        await using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        next.ShouldNotBeNull();
    }
}
