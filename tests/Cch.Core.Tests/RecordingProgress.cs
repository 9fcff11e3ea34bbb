namespace Cch.Tests;

/// <summary>A progress sink that keeps every report, in the order reported, on the reporting thread.</summary>
internal sealed class RecordingProgress<T> : IProgress<T>
{
    private readonly Lock _gate = new();
    private readonly List<T> _reports = [];

    /// <summary>The reports so far.</summary>
    public IReadOnlyList<T> Reports
    {
        get
        {
            lock (_gate) return [.. _reports];
        }
    }

    public void Report(T value)
    {
        lock (_gate) _reports.Add(value);
    }
}
