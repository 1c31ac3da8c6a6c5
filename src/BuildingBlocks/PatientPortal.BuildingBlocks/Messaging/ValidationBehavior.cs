using FluentValidation;
using MediatR;
using PatientPortal.BuildingBlocks.Results;

namespace PatientPortal.BuildingBlocks.Messaging;

/// <summary>
/// Validates every request that has validators. For requests answered by a Result, failures come back as
/// errors whose keys are the validators' error codes, so pages can localize them; other requests throw.
/// </summary>
internal sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var outcome = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            failures.AddRange(outcome.Errors);
        }

        if (failures.Count == 0)
        {
            return await next();
        }

        if (!FailureFactory<TResponse>.CanCreate)
        {
            throw new ValidationException(failures);
        }

        var errors = failures
            .Select(f => new Error(MessageKey(f), string.IsNullOrEmpty(f.PropertyName) ? null : f.PropertyName) { Arguments = Arguments(f) })
            .Distinct()
            .ToArray();
        return FailureFactory<TResponse>.From(errors);
    }

    // A rule that shows values in its message passes them, as text, in its custom state (WithState(_ => new[] { "8" })).
    private static IReadOnlyList<string> Arguments(FluentValidation.Results.ValidationFailure failure) =>
        failure.CustomState as IReadOnlyList<string> ?? [];

    // A rule states its key with WithErrorCode("Module.Key"); built-in validators fall back to "Validation.<Name>".
    private static string MessageKey(FluentValidation.Results.ValidationFailure failure) =>
        failure.ErrorCode.Contains('.', StringComparison.Ordinal)
            ? failure.ErrorCode
            : "Validation." + failure.ErrorCode.Replace("Validator", "", StringComparison.Ordinal);
}
