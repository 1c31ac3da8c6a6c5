using MediatR;
using Microsoft.EntityFrameworkCore;
using PatientPortal.BuildingBlocks.Persistence;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.BuildingBlocks.Messaging;

/// <summary>
/// A request answered by a Result whose write still conflicts once its handler gave up retrying (a flood of parallel
/// requests on the same rows, see <see cref="ConcurrencyRetry"/>) is answered with <see cref="Error.Busy"/>, which the
/// page shows like any other message, instead of an error page. Nothing was saved: the failed save's transaction rolled
/// back. Other requests let the exception through.
/// </summary>
internal sealed class StillConflictingBehavior<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        try
        {
            return await next();
        }
        catch (DbUpdateException ex) when (FailureFactory<TResponse>.CanCreate && (ex is DbUpdateConcurrencyException || UniqueViolation.Is(ex)))
        {
            return FailureFactory<TResponse>.From([Error.Busy]);
        }
    }
}
