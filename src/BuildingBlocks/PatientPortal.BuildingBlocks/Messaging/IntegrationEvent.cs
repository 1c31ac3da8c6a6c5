using MediatR;

namespace PatientPortal.BuildingBlocks.Messaging;

/// <summary>
/// A fact one module tells the others, as an immutable record in its Contracts. It travels through the
/// publisher's outbox; consumers use <see cref="IntegrationEventConsumer{TEvent,TContext}"/> so a second delivery has no effect.
/// </summary>
public abstract record IntegrationEvent : INotification
{
    public Guid EventId { get; init; } = Guid.CreateVersion7();

    public DateTimeOffset OccurredUtc { get; init; }
}
