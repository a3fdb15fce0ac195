using System.Linq.Expressions;

namespace InnoCenter.Web.Features.Ledger;

/// <summary>Combines predicates into one expression EF can translate.</summary>
internal static class Predicates
{
    public static Expression<Func<T, bool>> Or<T>(Expression<Func<T, bool>> a, Expression<Func<T, bool>> b) => Combine(a, b, Expression.OrElse);

    public static Expression<Func<T, bool>> And<T>(Expression<Func<T, bool>> a, Expression<Func<T, bool>> b) => Combine(a, b, Expression.AndAlso);

    private static Expression<Func<T, bool>> Combine<T>(
        Expression<Func<T, bool>> a, Expression<Func<T, bool>> b, Func<Expression, Expression, BinaryExpression> join)
    {
        var p = Expression.Parameter(typeof(T), "x");
        var left = new Rebind(a.Parameters[0], p).Visit(a.Body);
        var right = new Rebind(b.Parameters[0], p).Visit(b.Body);
        return Expression.Lambda<Func<T, bool>>(join(left, right), p);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
