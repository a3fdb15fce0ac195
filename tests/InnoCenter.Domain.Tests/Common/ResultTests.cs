using InnoCenter.Domain.Common;

namespace InnoCenter.Domain.Tests.Common;

public sealed class ResultTests
{
    private static Result<int> Divide(int a, int b) =>
        b == 0 ? Failure.Validation(new Error("math.divide_by_zero", "b")) : a / b;

    [Fact]
    public void A_value_converts_implicitly_to_a_success()
    {
        Result<int> result = 42;

        Assert.True(result.IsSuccess);
        Assert.Null(result.Failure);
        Assert.Equal(42, result.Value);
    }

    [Fact]
    public void A_failure_converts_implicitly_to_a_failed_result()
    {
        var failure = Failure.NotFound();
        Result<string> result = failure;

        Assert.False(result.IsSuccess);
        Assert.Same(failure, result.Failure);
    }

    [Fact]
    public void The_value_of_a_failed_result_throws()
    {
        Result<string> result = Failure.Forbidden();

        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public void Ok_is_a_success_even_with_a_null_value()
    {
        var result = Result<string?>.Ok(null);

        Assert.True(result.IsSuccess);
        Assert.Null(result.Value);
    }

    [Fact]
    public void Both_branches_of_a_conditional_convert_to_a_result()
    {
        Assert.Equal(5, Divide(10, 2).Value);

        var failed = Divide(1, 0);
        Assert.False(failed.IsSuccess);
        var error = Assert.Single(failed.Failure!.Errors);
        Assert.Equal("math.divide_by_zero", error.Code);
        Assert.Equal("b", error.Field);
    }

    [Fact]
    public void Each_factory_gives_its_kind_and_codes()
    {
        Assert.Equal(FailureKind.Validation, Failure.Validation(new Error("a"), new Error("b")).Kind);
        Assert.Equal(["a", "b"], Failure.Validation(new Error("a"), new Error("b")).Errors.Select(e => e.Code));
        Assert.Equal(["c"], Failure.Validation(new List<Error> { new("c") }).Errors.Select(e => e.Code));

        var notFound = Failure.NotFound();
        Assert.Equal(FailureKind.NotFound, notFound.Kind);
        Assert.Equal("common.not_found", Assert.Single(notFound.Errors).Code);
        Assert.Equal("org.not_found", Assert.Single(Failure.NotFound("org.not_found").Errors).Code);

        var forbidden = Failure.Forbidden();
        Assert.Equal(FailureKind.Forbidden, forbidden.Kind);
        Assert.Equal("common.forbidden", Assert.Single(forbidden.Errors).Code);

        var conflict = Failure.Conflict("org.uscc_taken", "uscc", "91440300708461136T");
        Assert.Equal(FailureKind.Conflict, conflict.Kind);
        var conflictError = Assert.Single(conflict.Errors);
        Assert.Equal("org.uscc_taken", conflictError.Code);
        Assert.Equal("uscc", conflictError.Field);
        Assert.Equal(["91440300708461136T"], conflictError.Args);

        var illegal = Failure.IllegalTransition("application.illegal_transition", "Draft", "Approved");
        Assert.Equal(FailureKind.IllegalTransition, illegal.Kind);
        var illegalError = Assert.Single(illegal.Errors);
        Assert.Null(illegalError.Field);
        Assert.Equal(["Draft", "Approved"], illegalError.Args);
    }

    [Fact]
    public void An_error_prints_its_field_before_its_code()
    {
        Assert.Equal("uscc: uscc.checksum", new Error("uscc.checksum", "uscc").ToString());
        Assert.Equal("common.forbidden", new Error("common.forbidden").ToString());
    }

    [Fact]
    public void An_error_without_arguments_has_an_empty_argument_list()
    {
        Assert.Empty(new Error("x").Args);
        Assert.Empty(new Error("x", "f").Args);
    }
}
