namespace Cch.Internal;

/// <summary>
/// Looks through an exception and everything inside it — its <see cref="Exception.InnerException"/> chain and each
/// of an <see cref="AggregateException"/>'s inner exceptions — for the first one a test recognises. Shared by the
/// classifiers that tell a full disk, exhausted memory or a libtorch allocation failure apart from a bug.
/// </summary>
internal static class ExceptionChain
{
    /// <summary>
    /// The first non-null <paramref name="recognise"/>(e) over <paramref name="exception"/> and the exceptions inside
    /// it, depth first in the order they were thrown into; <c>null</c> when none is recognised.
    /// </summary>
    public static T? First<T>(Exception exception, Func<Exception, T?> recognise) where T : class
    {
        if (recognise(exception) is { } found) return found;
        if (exception is AggregateException aggregate)
            return aggregate.InnerExceptions.Select(inner => First(inner, recognise)).FirstOrDefault(f => f is not null);
        return exception.InnerException is { } next ? First(next, recognise) : null;
    }
}
