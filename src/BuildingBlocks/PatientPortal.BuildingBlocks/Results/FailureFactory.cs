using System.Reflection;

namespace PatientPortal.BuildingBlocks.Results;

/// <summary>Builds a failed <typeparamref name="TResponse"/> when a pipeline step must stop a request whose response is a Result.</summary>
internal static class FailureFactory<TResponse>
{
    private static readonly Func<Error[], TResponse>? Create = Build();

    public static bool CanCreate => Create is not null;

    public static TResponse From(Error[] errors) =>
        Create is null ? throw new InvalidOperationException($"{typeof(TResponse)} is not a Result.") : Create(errors);

    private static Func<Error[], TResponse>? Build()
    {
        var type = typeof(TResponse);
        if (type == typeof(Result))
        {
            return errors => (TResponse)(object)Result.Failure(errors);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Result<>))
        {
            var method = typeof(Result)
                .GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Single(m => m is { Name: nameof(Result.Failure), IsGenericMethodDefinition: true })
                .MakeGenericMethod(type.GenericTypeArguments[0]);
            return errors => (TResponse)method.Invoke(null, [errors])!;
        }

        return null;
    }
}
