using Cch.Criterion;
using Cch.Data;
using Cch.Distillation;
using Spectre.Console;

namespace Cch.Tool.Rendering;

/// <summary>
/// Shows a command's progress on standard error: on a terminal one Spectre.Console bar whose description follows the
/// phase (reading input, blurring, encoding, the criterion's stages, training); in logs the <see cref="Heartbeat"/>
/// lines and one line per finished training arm.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Runs <paramref name="run"/> with its progress shown; <paramref name="phase"/> names what runs before the first report.</summary>
    public static async Task<T> RunAsync<T>(string phase, Func<ProgressSinks, Task<T>> run, CancellationToken cancellationToken)
    {
        if (!CommandRunner.Interactive)
        {
            // Redirected: one line per finished training arm, so CI logs show where the time goes, and a
            // heartbeat line every 10 s, so they never sit silent through a long read or estimate.
            var lines = new Progress<VerificationProgress>(p =>
            {
                if (p.Finished) Console.Error.WriteLine($"verify {p.Teacher}: seed {p.Seed + 1}/{p.Seeds}: {p.Summary}");
            });
            using var heartbeat = new Heartbeat(Console.Error, Heartbeat.IntervalFromEnvironment(), phase);
            return await run(new ProgressSinks(heartbeat.Criterion(), heartbeat.Verification(lines), heartbeat.Input()));
        }

        T? outcome = default;
        await CommandRunner.Diagnostics.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(phase), maxValue: 1);
                var criterion = new ImmediateProgress<CriterionProgress>(p =>
                {
                    task.Description = p.Stage;
                    task.MaxValue = p.Total;
                    task.Value = p.Completed;
                });
                var training = new Progress<VerificationProgress>(p =>
                {
                    task.Description = Markup.Escape($"verify {p.Teacher}: seed {p.Seed + 1}/{p.Seeds}, {p.Arm}, epoch {p.Epoch}");
                    task.MaxValue = p.MaxEpochs;
                    task.Value = p.Finished ? p.MaxEpochs : p.Epoch;
                });
                // Reported once per row group or block of rows, in order, from the reading thread: set directly, so
                // a late report never overwrites the next phase.
                var input = new ImmediateProgress<InputProgress>(p =>
                {
                    task.Description = Markup.Escape(p.Phase);
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Completed;
                });
                outcome = await Task.Run(() => run(new ProgressSinks(criterion, training, input)), cancellationToken);
            });
        return outcome!;
    }
}
