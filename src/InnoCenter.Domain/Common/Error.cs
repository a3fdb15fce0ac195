namespace InnoCenter.Domain.Common;

/// <summary>
/// An expected failure: a stable code that the web layer turns into a message in the user's language,
/// the field it concerns (if any) and the arguments the message needs.
/// </summary>
public sealed record Error(string Code, string? Field = null, params object[] Args)
{
    public override string ToString() => Field is null ? Code : $"{Field}: {Code}";
}

/// <summary>The kind of an expected failure decides its HTTP status; the codes decide its text.</summary>
public enum FailureKind
{
    Validation,
    NotFound,
    Conflict,
    Forbidden,
    IllegalTransition,
}

/// <summary>A failed command: one kind, one or more errors.</summary>
public sealed record Failure(FailureKind Kind, IReadOnlyList<Error> Errors)
{
    public static Failure Validation(params Error[] errors) => new(FailureKind.Validation, errors);
    public static Failure Validation(IEnumerable<Error> errors) => new(FailureKind.Validation, errors.ToList());
    public static Failure NotFound(string code = "common.not_found") => new(FailureKind.NotFound, [new Error(code)]);
    public static Failure Conflict(string code, string? field = null, params object[] args) =>
        new(FailureKind.Conflict, [new Error(code, field, args)]);
    public static Failure Forbidden(string code = "common.forbidden") => new(FailureKind.Forbidden, [new Error(code)]);
    public static Failure IllegalTransition(string code, params object[] args) =>
        new(FailureKind.IllegalTransition, [new Error(code, null, args)]);
}

/// <summary>The outcome of a command or query: a value, or a failure — never an exception for what can be expected.</summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, Failure? failure)
    {
        _value = value;
        Failure = failure;
    }

    public Failure? Failure { get; }

    public bool IsSuccess => Failure is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException("A failed result has no value.");

    public static Result<T> Ok(T value) => new(value, null);

    public static implicit operator Result<T>(T value) => Ok(value);

    public static implicit operator Result<T>(Failure failure) => new(default, failure);
}
