using MediatR;

namespace PatientPortal.Modules.FixtureBilling.Features;

public static class PayInvoice
{
    public sealed record Command(Guid InvoiceId) : IRequest<bool>;

    /// <summary>A handler that is public, to break rule 5.</summary>
    public sealed class Handler : IRequestHandler<Command, bool>
    {
        public Task<bool> Handle(Command request, CancellationToken cancellationToken) => Task.FromResult(true);
    }
}
