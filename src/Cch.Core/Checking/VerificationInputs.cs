using Cch.Configuration;
using Cch.Data;
using Cch.Distillation;

namespace Cch.Checking;

/// <summary>
/// Builds the train/test rows of a verification from the check's settings: training rows are the
/// rows the criterion used (<c>--where</c>); test rows come from <c>--test-where</c>, or, without
/// it, a seeded share (<see cref="VerificationOptions.TestFraction"/>) is held out of those rows.
/// </summary>
internal static class VerificationInputs
{
    /// <summary>One <see cref="VerificationData"/> per teacher, in the order the teachers were given.</summary>
    /// <exception cref="CchInputException">The test rows are unusable (no rows, a class unseen in training).</exception>
    public static async Task<IReadOnlyList<VerificationData>> BuildAsync(Dataset train, CheckSettings settings, CancellationToken cancellationToken)
    {
        var options = settings.Verification!;
        var request = settings.Data;
        IReadOnlyList<FeatureMatrix>? logits = null;
        if (settings.TeacherLogits.Count > 0)
            logits = (await CheckInputs.LoadAsync(request! with { Teachers = settings.TeacherLogits }, settings.Transforms, null, cancellationToken).ConfigureAwait(false)).Data.Teachers;

        Dataset test;
        if (settings.TestFilters.Count > 0)
        {
            try
            {
                test = (await CheckInputs.LoadAsync(request! with { Filters = settings.TestFilters }, settings.Transforms, null, cancellationToken).ConfigureAwait(false)).Data;
            }
            catch (CchInputException e) when (e.Reason.Contains("--where", StringComparison.Ordinal))
            {
                // The loader speaks of --where; here its filters came from --test-where.
                throw new CchInputException(e.Reason.Replace("--where", "--test-where", StringComparison.Ordinal), e.File, e.Column, e.Row, e);
            }
        }
        else
        {
            var (fit, held) = Split(train.Rows, options.TestFraction, options.Seed, train.Label);
            test = Select(train, held);
            train = Select(train, fit);
            // Teacher outputs are distilled on training rows only; test metrics need no teacher.
            logits = logits?.Select(l => l.SelectRows(fit)).ToList();
        }

        var labels = AlignClasses(train.Label, test.Label);
        return train.Teachers.Select((teacher, t) => new VerificationData
        {
            TeacherName = teacher.Name,
            TeacherTrain = logits is null ? teacher : null,
            TeacherTest = logits is null ? test.Teachers[t] : null,
            TeacherLogitsTrain = logits?[t],
            StudentTrain = train.Student,
            StudentTest = test.Student,
            LabelTrain = labels.Train,
            LabelTest = labels.Test,
        }).ToList();
    }

    /// <summary>A seeded split into kept and held-out rows, stratified by class for classification labels.</summary>
    internal static (int[] Kept, int[] Held) Split(int rows, double heldFraction, int seed, LabelVector label)
    {
        var random = new Random(unchecked(seed * 7919 + 17));
        var groups = label.Classes is { } classes
            ? Enumerable.Range(0, rows).GroupBy(i => classes[i]).OrderBy(g => g.Key).Select(g => g.ToArray())
            : [Enumerable.Range(0, rows).ToArray()];
        var kept = new List<int>();
        var held = new List<int>();
        foreach (var group in groups)
        {
            random.Shuffle(group);
            var take = group.Length < 2 ? 0 : Math.Max(1, (int)Math.Round(group.Length * heldFraction));
            held.AddRange(group[..take]);
            kept.AddRange(group[take..]);
        }

        kept.Sort();
        held.Sort();
        return (kept.ToArray(), held.ToArray());
    }

    private static Dataset Select(Dataset data, int[] rows) => data with
    {
        Teachers = data.Teachers.Select(t => t.SelectRows(rows)).ToList(),
        Student = data.Student.SelectRows(rows),
        Label = data.Label.SelectRows(rows),
        Keys = data.Keys is null ? null : rows.Select(r => data.Keys[r]).ToList(),
    };

    /// <summary>Gives the test label the training label's class indices (loaded separately, they may differ).</summary>
    internal static (LabelVector Train, LabelVector Test) AlignClasses(LabelVector train, LabelVector test)
    {
        if (train.Classes is null || test.Classes is null) return (train, test);
        var index = train.ClassNames!.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var mapped = new int[test.Count];
        for (var r = 0; r < mapped.Length; r++)
        {
            var name = test.ClassNames![test.Classes[r]];
            if (!index.TryGetValue(name, out var c))
                throw new CchInputException($"Class '{name}' of label '{test.Name}' occurs in the test rows but not in the training rows, so no model can predict it; check --where and --test-where.");
            mapped[r] = c;
        }

        return (train, LabelVector.ForClasses(test.Name, mapped, train.ClassNames!));
    }
}
