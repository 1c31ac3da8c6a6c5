namespace PatientPortal.BuildingBlocks.Results;

/// <summary>
/// An expected failure: a message key the host localizes, the field it concerns, if any, and the values its message
/// shows ({0}, {1}…: a configured limit, say), already as text so that every language shows the same value.
/// </summary>
public sealed record Error(string Key, string? Field = null)
{
    public static Error NotFound { get; } = new("Errors.NotFound");
    public static Error Forbidden { get; } = new("Errors.Forbidden");

    /// <summary>Too many requests changed the same thing at once: nothing was saved, and trying again will do.</summary>
    public static Error Busy { get; } = new("Errors.Busy");

    public IReadOnlyList<string> Arguments { get; init; } = [];

    // By value, arguments included: two errors with the same key, field and arguments are one message.
    public bool Equals(Error? other) =>
        other is not null && Key == other.Key && Field == other.Field && Arguments.SequenceEqual(other.Arguments);

    public override int GetHashCode() => HashCode.Combine(Key, Field, Arguments.Count);
}

/// <summary>The outcome of a slice: success, or the expected failures as localizable keys (never exceptions).</summary>
public class Result
{
    private static readonly Result SuccessResult = new([]);

    protected Result(IReadOnlyList<Error> errors) => Errors = errors;

    public IReadOnlyList<Error> Errors { get; }
    public bool IsSuccess => Errors.Count == 0;
    public bool IsFailure => !IsSuccess;

    public static Result Success() => SuccessResult;
    public static Result<T> Success<T>(T value) => new(value, []);

    public static Result Failure(params Error[] errors) => new(RequireSome(errors));
    public static Result<T> Failure<T>(params Error[] errors) => new(default!, RequireSome(errors));

    public static implicit operator Result(Error error) => Failure(error);

    protected static Error[] RequireSome(Error[] errors) =>
        errors.Length > 0 ? errors : throw new ArgumentException("A failure needs at least one error.", nameof(errors));
}

public sealed class Result<T> : Result
{
    private readonly T _value;

    internal Result(T value, IReadOnlyList<Error> errors) : base(errors) => _value = value;

    public T Value => IsSuccess ? _value : throw new InvalidOperationException("A failed result has no value.");

    public static implicit operator Result<T>(T value) => Success(value);
    public static implicit operator Result<T>(Error error) => Failure<T>(error);
}
