using Cch.Data;

namespace Cch.Encoders.Internal;

/// <summary>Turns "rows done" reports of one step (a blur, an encoder) into <see cref="InputProgress"/> of a named phase, synchronously.</summary>
internal sealed class PhaseProgress(IProgress<InputProgress> sink, string phase, long total) : IProgress<int>
{
    /// <summary>A sink for <paramref name="phase"/> that starts it at 0 of <paramref name="total"/> rows; <c>null</c> without <paramref name="sink"/>.</summary>
    public static PhaseProgress? For(IProgress<InputProgress>? sink, string phase, long total)
    {
        if (sink is null) return null;
        sink.Report(new InputProgress(phase, 0, total));
        return new PhaseProgress(sink, phase, total);
    }

    /// <inheritdoc />
    public void Report(int value) => sink.Report(new InputProgress(phase, value, total));
}
