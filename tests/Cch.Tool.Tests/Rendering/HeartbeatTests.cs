using Cch.Criterion;
using Cch.Data;
using Cch.Distillation;
using Cch.Reproduction;
using Cch.Tool.Rendering;

namespace Cch.Tool.Tests.Rendering;

public sealed class HeartbeatTests
{
    [Fact]
    public void A_line_names_the_phase_the_percentage_and_the_elapsed_time()
    {
        using var heartbeat = new Heartbeat(TextWriter.Null, TimeSpan.FromHours(1), "reading input");

        Assert.Matches(@"^progress: reading input 0:00:0\d$", heartbeat.Line());
        heartbeat.Input().Report(new InputProgress("reading input", 2048, 10_000));
        Assert.Matches(@"^progress: reading input 20 % 0:00:0\d$", heartbeat.Line());
        heartbeat.Input().Report(new InputProgress("encoding student (mnist-8.onnx)", 10_000, 10_000));
        Assert.Matches(@"^progress: encoding student \(mnist-8.onnx\) 100 % 0:00:0\d$", heartbeat.Line());
        heartbeat.Criterion().Report(new CriterionProgress("half-samples", 9, 20));
        Assert.Matches(@"^progress: criterion \(half-samples, 9/20 estimates\) 45 % 0:00:0\d$", heartbeat.Line());
        heartbeat.Verification().Report(new VerificationProgress("fac216", 2, 5, "kd T=2, λ=0.5", 37, 200, false, null));
        Assert.Matches(@"^progress: verify fac216 \(seed 3/5, kd T=2, λ=0.5, epoch 37\) 40 % 0:00:0\d$", heartbeat.Line());
        heartbeat.Reproduction().Report(new ReproductionProgress("σ = 2: criterion", 3, 4));
        Assert.Matches(@"^progress: σ = 2: criterion \(3/4 steps\) 75 % 0:00:0\d$", heartbeat.Line());
    }

    [Fact]
    public void Each_report_is_forwarded_to_the_next_sink()
    {
        using var heartbeat = new Heartbeat(TextWriter.Null, TimeSpan.FromHours(1), "start");
        var seen = new List<VerificationProgress>();
        var report = new VerificationProgress("t", 0, 2, "no-kd", 10, 200, true, "best epoch 5");

        heartbeat.Verification(new Inline<VerificationProgress>(seen.Add)).Report(report);

        Assert.Equal([report], seen);
    }

    [Fact]
    public void It_beats_at_its_interval_until_disposed()
    {
        var text = new StringWriter();
        var writer = TextWriter.Synchronized(text);
        var heartbeat = new Heartbeat(writer, TimeSpan.FromMilliseconds(20), "waiting");

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Read(writer, text).Count(c => c == '\n') < 2 && DateTime.UtcNow < deadline) Thread.Sleep(10);
        heartbeat.Dispose();
        var afterDispose = Read(writer, text);
        Thread.Sleep(100);

        Assert.True(afterDispose.Count(c => c == '\n') >= 2, afterDispose);
        Assert.Equal(afterDispose, Read(writer, text));
        Assert.All(afterDispose.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.StartsWith("progress: waiting ", l, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, 10)]
    [InlineData("0.25", 0.25)]
    [InlineData("-1", 10)]
    [InlineData("soon", 10)]
    public void The_interval_is_seconds_in_CCH_HEARTBEAT_SECONDS_else_10(string? value, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Heartbeat.IntervalFrom(value));

    /// <summary>What was written so far, read under the lock the synchronized writer takes for each write.</summary>
    private static string Read(TextWriter synchronized, StringWriter text)
    {
        lock (synchronized) return text.ToString();
    }

    private sealed class Inline<T>(Action<T> action) : IProgress<T>
    {
        public void Report(T value) => action(value);
    }
}
