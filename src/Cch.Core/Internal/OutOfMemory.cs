namespace Cch.Internal;

/// <summary>
/// Running out of memory is not corrupt input and not a bug: it is the input's size against the memory the process
/// may use (a container's limit, <c>DOTNET_GCHeapHardLimit</c>). Front ends report it as an input error that says
/// how much memory there was and what to lower.
/// </summary>
public static class OutOfMemory
{
    /// <summary>Whether <paramref name="exception"/> or any exception inside it is an <see cref="OutOfMemoryException"/>.</summary>
    public static bool Caused(Exception exception) => ExceptionChain.First(exception, e => e as OutOfMemoryException) is not null;

    /// <summary>The message for a run that ran out of memory: the memory available and what to lower.</summary>
    public static string Message() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"ran out of memory: this process may use {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1e9:0.0} GB. Use fewer rows (--max-rows, default 20,000) or fewer dimensions, or give the process more memory.");
}
