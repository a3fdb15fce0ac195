using System.Linq.Expressions;

namespace InnoCenter.Web.Data;

/// <summary>Combines predicates (and a projection with a predicate inside) into one expression EF can translate.</summary>
public static class Predicates
{
    public static Expression<Func<T, bool>> Or<T>(Expression<Func<T, bool>> a, Expression<Func<T, bool>> b) => Combine(a, b, Expression.OrElse);

    public static Expression<Func<T, bool>> And<T>(Expression<Func<T, bool>> a, Expression<Func<T, bool>> b) => Combine(a, b, Expression.AndAlso);

    public static Expression<Func<T, bool>> Not<T>(Expression<Func<T, bool>> a) => Expression.Lambda<Func<T, bool>>(Expression.Not(a.Body), a.Parameters);

    /// <summary>The projection with <paramref name="value"/>'s body in place of its second parameter.</summary>
    public static Expression<Func<T, TResult>> Inline<T, TValue, TResult>(Expression<Func<T, TValue, TResult>> projection, Expression<Func<T, TValue>> value)
    {
        var p = projection.Parameters[0];
        var inlined = new Rebind(value.Parameters[0], p).Visit(value.Body);
        return Expression.Lambda<Func<T, TResult>>(new Rebind(projection.Parameters[1], inlined).Visit(projection.Body), p);
    }

    private static Expression<Func<T, bool>> Combine<T>(
        Expression<Func<T, bool>> a, Expression<Func<T, bool>> b, Func<Expression, Expression, BinaryExpression> join)
    {
        var p = Expression.Parameter(typeof(T), "x");
        var left = new Rebind(a.Parameters[0], p).Visit(a.Body);
        var right = new Rebind(b.Parameters[0], p).Visit(b.Body);
        return Expression.Lambda<Func<T, bool>>(join(left, right), p);
    }

    private sealed class Rebind(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
