using MediatR;

namespace PatientPortal.Modules.FixtureBilling.Features;

/// <summary>
/// Declared public but nested in an internal class, so no other assembly can see them: rules 5 and 8 must let them be.
/// </summary>
internal static class RefundInvoice
{
    public sealed record Command(Guid InvoiceId) : IRequest<bool>;

    public sealed class Handler : IRequestHandler<Command, bool>
    {
        public Task<bool> Handle(Command request, CancellationToken cancellationToken) => Task.FromResult(true);
    }
}
