using System.Globalization;
using Cch.Criterion;
using Cch.Data;
using Cch.Distillation;
using Cch.Reproduction;

namespace Cch.Tool.Rendering;

/// <summary>
/// When standard error is not a terminal (CI logs), prints one line every <see cref="Interval"/> — phase, percent
/// done when known, and time since the start — so that a long estimate or training never leaves a log silent for
/// minutes: <c>progress: criterion (half-samples, 12/45) 26 % 0:00:30</c>. Fed by the commands' progress streams
/// through <see cref="Criterion"/>, <see cref="Verification"/>, <see cref="Input"/> and <see cref="Reproduction"/>, which forward every
/// report to the stream given (e.g. the per-arm lines of <c>--verify</c>).
/// </summary>
internal sealed class Heartbeat : IDisposable
{
    /// <summary>The environment variable that sets the interval in seconds (e.g. <c>0.5</c> in tests); 10 s when unset.</summary>
    public const string IntervalVariable = "CCH_HEARTBEAT_SECONDS";

    /// <summary>The interval without <see cref="IntervalVariable"/>.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly TextWriter _writer;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly ITimer _timer;
    private string _phase;
    private double? _fraction;
    private bool _stopped;

    /// <summary>Starts beating on <paramref name="writer"/> every <paramref name="interval"/>, in <paramref name="phase"/> until a progress report arrives.</summary>
    /// <param name="writer">Where the lines go (standard error).</param>
    /// <param name="interval">Time between lines; positive.</param>
    /// <param name="phase">What runs before the first report, e.g. <c>reading input</c>.</param>
    /// <param name="time">The clock and timers; the system's when <c>null</c>.</param>
    public Heartbeat(TextWriter writer, TimeSpan interval, string phase, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _writer = writer;
        _time = time ?? TimeProvider.System;
        _started = _time.GetTimestamp();
        _phase = phase;
        Interval = interval;
        _timer = _time.CreateTimer(_ => Beat(), null, interval, interval);
    }

    /// <summary>Time between lines.</summary>
    public TimeSpan Interval { get; }

    /// <summary>The interval <see cref="IntervalVariable"/> sets (see <see cref="IntervalFrom"/>).</summary>
    public static TimeSpan IntervalFromEnvironment() => IntervalFrom(Environment.GetEnvironmentVariable(IntervalVariable));

    /// <summary>
    /// <paramref name="seconds"/> as an interval (a positive number in invariant culture, below a day), else
    /// <see cref="DefaultInterval"/>: a value that is not one is ignored rather than failing the run.
    /// </summary>
    public static TimeSpan IntervalFrom(string? seconds) =>
        double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 && s < 86400
            ? TimeSpan.FromSeconds(s)
            : DefaultInterval;

    /// <summary>Sets what is running and how much of it is done (0–1, or <c>null</c> when unknown).</summary>
    public void Update(string phase, double? fraction)
    {
        lock (_gate)
        {
            _phase = phase;
            _fraction = fraction is { } f && double.IsFinite(f) ? Math.Clamp(f, 0, 1) : null;
        }
    }

    /// <summary>A sink for criterion progress that updates the phase and forwards each report to <paramref name="next"/>.</summary>
    public IProgress<CriterionProgress> Criterion(IProgress<CriterionProgress>? next = null) =>
        new Forwarding<CriterionProgress>(p => Update(
            string.Create(CultureInfo.InvariantCulture, $"criterion ({p.Stage}, {p.Completed}/{p.Total} estimates)"),
            p.Total > 0 ? (double)p.Completed / p.Total : null), next);

    /// <summary>A sink for training progress that updates the phase and forwards each report to <paramref name="next"/>; the percentage counts seeds.</summary>
    public IProgress<VerificationProgress> Verification(IProgress<VerificationProgress>? next = null) =>
        new Forwarding<VerificationProgress>(p => Update(
            string.Create(CultureInfo.InvariantCulture, $"verify {p.Teacher} (seed {p.Seed + 1}/{p.Seeds}, {p.Arm}, epoch {p.Epoch})"),
            p.Seeds > 0 ? (double)p.Seed / p.Seeds : null), next);

    /// <summary>A sink for input progress (rows read, blurred, encoded) that updates the phase and forwards each report to <paramref name="next"/>.</summary>
    public IProgress<InputProgress> Input(IProgress<InputProgress>? next = null) =>
        new Forwarding<InputProgress>(p => Update(p.Phase, p.Total > 0 ? (double)p.Completed / p.Total : null), next);

    /// <summary>A sink for reproduction progress that updates the phase and forwards each report to <paramref name="next"/>.</summary>
    public IProgress<ReproductionProgress> Reproduction(IProgress<ReproductionProgress>? next = null) =>
        new Forwarding<ReproductionProgress>(p => Update(
            string.Create(CultureInfo.InvariantCulture, $"{p.Phase} ({p.Completed}/{p.Total} steps)"),
            p.Total > 0 ? (double)p.Completed / p.Total : null), next);

    /// <summary>The line a beat prints now, e.g. <c>progress: reading input 0:00:10</c>.</summary>
    public string Line()
    {
        string phase;
        double? fraction;
        lock (_gate)
        {
            phase = _phase;
            fraction = _fraction;
        }

        var elapsed = _time.GetElapsedTime(_started);
        var percent = fraction is { } f ? string.Create(CultureInfo.InvariantCulture, $" {Math.Floor(f * 100):0} %") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"progress: {phase}{percent} {(int)elapsed.TotalHours}:{elapsed.Minutes:00}:{elapsed.Seconds:00}");
    }

    /// <summary>Stops the beats; no line is printed after this returns.</summary>
    public void Dispose()
    {
        lock (_gate) _stopped = true;
        _timer.Dispose();
    }

    private void Beat()
    {
        var line = Line();
        lock (_gate)
        {
            if (_stopped) return;
            _writer.WriteLine(line);
        }
    }

    /// <summary>Reports to the heartbeat, then to the next sink.</summary>
    private sealed class Forwarding<T>(Action<T> update, IProgress<T>? next) : IProgress<T>
    {
        public void Report(T value)
        {
            update(value);
            next?.Report(value);
        }
    }
}
