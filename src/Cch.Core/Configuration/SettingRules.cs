using System.Globalization;
using Cch.Criterion;
using Cch.Data;

namespace Cch.Configuration;

/// <summary>
/// The validation rules that every command's settings share (<see cref="CheckSettings"/>,
/// <see cref="MutualInformationSettings"/>, <see cref="BmiSettings"/>): named choices,
/// estimator options and their ranges, joins and tasks. One place, so the commands accept the same
/// values and say the same thing about bad ones.
/// </summary>
internal static class SettingRules
{
    /// <summary>The most CPU threads <c>--threads</c> takes (the schema's maximum too); more only adds contention.</summary>
    public const int MaxThreads = 1_024;

    /// <summary>The most half-samples <c>--replicates</c> takes (the schema's maximum too): beyond it the indices alone outgrow memory.</summary>
    public const int MaxReplicates = 1_000;

    /// <summary>
    /// Estimator family, k, seed, margin, confidence level and replicates, checked; <c>null</c> values
    /// take the defaults (auto, 3, 0, 0, 0.95, 20).
    /// </summary>
    /// <exception cref="CchInputException">A family that does not exist, k &lt; 1, fewer than 2 replicates, a level outside (0, 1) or a non-finite margin.</exception>
    public static CriterionOptions Criterion(OptionNames names, string? estimator, string? labelEstimator = null, int? k = null, int? seed = null,
        double? margin = null, double? confidence = null, int? replicates = null)
    {
        var families = EstimatorFamilyNames.Pairs.ToArray();
        var criterion = new CriterionOptions
        {
            Estimator = Choice(estimator, names.For("estimator", "estimator"), EstimatorFamily.Auto, families),
            LabelEstimator = labelEstimator is null ? null : Choice(labelEstimator, names.For("label-estimator", "labelEstimator"), EstimatorFamily.Auto, families),
            K = k ?? 3,
            Seed = seed ?? 0,
            Margin = margin ?? 0,
            ConfidenceLevel = confidence ?? 0.95,
            Replicates = replicates ?? 20,
        };
        if (criterion.K < 1) throw names.Error("k", "k", $"{criterion.K}: k must be at least 1");
        if (criterion.Replicates is < 2 or > MaxReplicates)
            throw names.Error("replicates", "replicates", $"{criterion.Replicates}: expected 2 to {MaxReplicates.ToString("N0", CultureInfo.InvariantCulture)} half-samples (20, the default, or more for a gate; each is a full estimate and holds half the rows' indices)");
        if (!(criterion.ConfidenceLevel is > 0 and < 1)) throw names.Error("confidence", "confidence", $"{criterion.ConfidenceLevel.ToString(CultureInfo.InvariantCulture)}: expected a level strictly between 0 and 1, e.g. 0.95");
        if (!double.IsFinite(criterion.Margin)) throw names.Error("margin", "margin", "must be a finite number of nats");
        return criterion;
    }

    /// <summary><c>strict</c> (the default), <c>inner</c> or <c>row-order</c>.</summary>
    /// <exception cref="CchInputException">Another value.</exception>
    public static JoinMode Join(string? value, OptionNames names) =>
        Choice(value, names.For("join", "join"), JoinMode.Strict, ("strict", JoinMode.Strict), ("inner", JoinMode.Inner), ("row-order", JoinMode.RowOrder));

    /// <summary><c>auto</c> (the default), <c>classification</c> or <c>regression</c>.</summary>
    /// <exception cref="CchInputException">Another value.</exception>
    public static TaskKind Task(string? value, OptionNames names) =>
        Choice(value, names.For("task", "task"), TaskKind.Auto, ("auto", TaskKind.Auto), ("classification", TaskKind.Classification), ("regression", TaskKind.Regression));

    /// <summary><c>cpu</c> (the default) or <c>cuda</c>: where libtorch trains (<c>--device</c>, config key <c>device</c>).</summary>
    /// <exception cref="CchInputException">Another value.</exception>
    public static Neural.ComputeDevice Device(string? value, OptionNames names) =>
        Choice(value, names.For("device", "device"), Neural.ComputeDevice.Cpu, ("cpu", Neural.ComputeDevice.Cpu), ("cuda", Neural.ComputeDevice.Cuda));

    /// <summary>"Missing --option (config key 'key'): what." for a required setting.</summary>
    public static CchInputException Missing(string option, string key, string what) =>
        new($"Missing {option} (config key '{key}'): {what}.");

    /// <summary>The value among <paramref name="choices"/> (case-insensitive, trimmed), or <paramref name="fallback"/> for <c>null</c>.</summary>
    /// <exception cref="CchInputException">The value is none of the choices; the message lists them.</exception>
    public static T Choice<T>(string? value, (string Label, string? File) name, T fallback, params (string Name, T Value)[] choices)
    {
        if (value is null) return fallback;
        foreach (var (choice, v) in choices)
            if (string.Equals(choice, value.Trim(), StringComparison.OrdinalIgnoreCase))
                return v;
        throw new CchInputException($"{name.Label} '{value}' is not allowed; expected one of: {string.Join(", ", choices.Select(c => c.Name))}.", file: name.File);
    }

    /// <summary><c>--max-rows</c> (config <c>maxRows</c>): <see cref="RowSample.DefaultMaxRows"/> when unset, <c>null</c> (every row) for 0.</summary>
    /// <exception cref="CchInputException">A negative value, or 1 … <see cref="RowSample.MinimumMaxRows"/> − 1.</exception>
    public static int? MaxRows(int? maxRows, OptionNames names) => maxRows switch
    {
        null => RowSample.DefaultMaxRows,
        0 => null,
        < 0 or (> 0 and < RowSample.MinimumMaxRows) => throw names.Error("max-rows", "maxRows", $"{maxRows}: expected a number of rows ≥ {RowSample.MinimumMaxRows} (the fewest any estimate accepts), or 0 (or 'all' on the command line) for every row"),
        var n => n,
    };
}
