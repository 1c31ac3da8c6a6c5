using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PatientPortal.BuildingBlocks.Messaging;

namespace PatientPortal.BuildingBlocks.Outbox;

/// <summary>An integration event waiting in its publisher's database until the dispatcher has delivered it.</summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    public Guid Id { get; private set; }
    public string Type { get; private set; } = "";
    public string Payload { get; private set; } = "";
    public DateTimeOffset OccurredUtc { get; private set; }
    public DateTimeOffset? ProcessedUtc { get; internal set; }
    public DateTimeOffset NextAttemptUtc { get; internal set; }
    public int Attempts { get; internal set; }
    public string? LastError { get; internal set; }

    public static OutboxMessage From(IntegrationEvent integrationEvent, DateTimeOffset nowUtc)
    {
        var stamped = integrationEvent with { OccurredUtc = nowUtc };
        var type = stamped.GetType();
        return new OutboxMessage
        {
            Id = stamped.EventId,
            Type = type.AssemblyQualifiedName ?? type.FullName!,
            Payload = JsonSerializer.Serialize(stamped, type),
            OccurredUtc = nowUtc,
            NextAttemptUtc = nowUtc,
        };
    }

    internal IntegrationEvent ToEvent()
    {
        var type = System.Type.GetType(Type, throwOnError: true)!;
        return (IntegrationEvent)JsonSerializer.Deserialize(Payload, type)!;
    }
}

/// <summary>A consumer's note that it has handled an event, kept in the consumer's own schema.</summary>
public sealed class ProcessedEvent
{
    public required Guid EventId { get; init; }
    public required string Consumer { get; init; }
    public required DateTimeOffset ProcessedUtc { get; init; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Type).HasMaxLength(500);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.HasIndex(m => new { m.ProcessedUtc, m.NextAttemptUtc });
    }
}

internal sealed class ProcessedEventConfiguration : IEntityTypeConfiguration<ProcessedEvent>
{
    public void Configure(EntityTypeBuilder<ProcessedEvent> builder)
    {
        builder.ToTable("ProcessedEvents");
        // The key is what makes a second delivery fail to record twice, even when two deliveries race.
        builder.HasKey(p => new { p.EventId, p.Consumer });
        builder.Property(p => p.Consumer).HasMaxLength(300);
    }
}
