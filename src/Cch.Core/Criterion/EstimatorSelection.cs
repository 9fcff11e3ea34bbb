using Cch.Data;
using Cch.Estimators;

namespace Cch.Criterion;

/// <summary>
/// Builds the estimator of each term from the families in <see cref="CriterionOptions"/>
/// (<see cref="EstimatorFamily"/>): I(H_t;H_s) from <see cref="CriterionOptions.Estimator"/>,
/// I(H_s;Y) from <see cref="CriterionOptions.LabelEstimator"/> (or the same family), resolving
/// <see cref="EstimatorFamily.Auto"/> per term with <see cref="AutoEstimatorRule"/>.
/// </summary>
public sealed class EstimatorSelection
{
    private readonly CriterionOptions _options;

    private EstimatorSelection(CriterionOptions options) => _options = options;

    /// <summary>The family for I(H_t;H_s).</summary>
    public EstimatorFamily TeacherStudentFamily => _options.Estimator;

    /// <summary>The family for I(H_s;Y).</summary>
    public EstimatorFamily StudentLabelFamily => _options.LabelEstimator ?? _options.Estimator;

    /// <summary>Checks the options shared by every estimator.</summary>
    /// <exception cref="CchInputException">k &lt; 1.</exception>
    public static EstimatorSelection Create(CriterionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.K < 1)
            throw new CchInputException($"k = {options.K}: the number of nearest neighbours must be at least 1.");
        return new EstimatorSelection(options);
    }

    /// <summary>The estimator of I(X;Y) between two continuous representations (e.g. I(H_t;H_s)).</summary>
    /// <param name="x">X, N×d_x.</param>
    /// <param name="y">Y, N×d_y.</param>
    /// <param name="family">The family; <c>null</c> for <see cref="TeacherStudentFamily"/>.</param>
    /// <exception cref="CchInputException">The family does not estimate this kind of term.</exception>
    public TermEstimator Pair(FeatureMatrix x, FeatureMatrix y, EstimatorFamily? family = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var requested = family ?? TeacherStudentFamily;
        if (requested == EstimatorFamily.Probe)
            throw new CchInputException(
                "The probe estimator bounds the mutual information with a label only; it cannot estimate one between two representations. " +
                "In check: --label-estimator probe, with --estimator auto (default) or another family for I(H_t;H_s); in mi: give the label with --label instead of --y.");
        var (estimator, reason) = requested == EstimatorFamily.Auto
            ? Unpack(AutoEstimatorRule.Continuous(x.Columns, y.Columns, x.Rows, _options))
            : (Continuous(requested), null);
        return Bind(OneCovarianceMethod(estimator, x.Rows, x.Columns + y.Columns), requested, reason, x, y);
    }

    /// <summary>The estimator of I(X;Y) between a continuous representation and the label (I(H_s;Y)).</summary>
    /// <param name="x">X, N×d.</param>
    /// <param name="label">The label, N values.</param>
    /// <param name="family">The family; <c>null</c> for <see cref="StudentLabelFamily"/>.</param>
    /// <exception cref="CchInputException">The family does not estimate this kind of term.</exception>
    public TermEstimator Label(FeatureMatrix x, LabelVector label, EstimatorFamily? family = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(label);
        var requested = family ?? StudentLabelFamily;
        if (label.Kind == LabelKind.Regression)
        {
            var (estimator, reason) = requested == EstimatorFamily.Auto
                ? Unpack(AutoEstimatorRule.Regression(x.Columns, x.Rows, _options))
                : (Continuous(requested), null);
            return Bind(OneCovarianceMethod(estimator, x.Rows, x.Columns + 1), requested, reason, x, label.AsMatrix());
        }

        var (discrete, why) = requested == EstimatorFamily.Auto
            ? Unpack(AutoEstimatorRule.Classification(x.Columns, x.Rows, label.ClassCount, _options))
            : (Discrete(requested), null);
        var classes = label.Classes!;
        if (discrete is GaussianLabelEstimator { BiasCorrected: true } && classes.GroupBy(c => c).Min(g => g.Count()) / 2 < x.Columns + 1)
            discrete = new GaussianLabelEstimator(biasCorrected: false);
        return new TermEstimator(discrete.Name, requested, why, discrete.MinimumRows, discrete.IntervalStrategy, null,
            (rows, ct) => discrete.EstimateDetailed(TermEstimator.Rows(x, rows), rows is null ? classes : label.SelectRows(rows).Classes!, ct))
        {
            NearestNeighbour = IsNearestNeighbour(discrete),
        };
    }

    private static TermEstimator Bind(IMutualInformationEstimator estimator, EstimatorFamily family, string? reason, FeatureMatrix x, FeatureMatrix y) =>
        new(estimator.Name, family, reason, estimator.MinimumRows, estimator.IntervalStrategy, (estimator as KsgEstimator)?.K,
            (rows, ct) => estimator.EstimateDetailed(TermEstimator.Rows(x, rows), TermEstimator.Rows(y, rows), ct))
        {
            NearestNeighbour = IsNearestNeighbour(estimator),
        };

    /// <summary>The estimators whose cost grows as N² (every pair of rows is compared).</summary>
    private static bool IsNearestNeighbour(object estimator) => estimator is KsgEstimator or MixedEstimator or CcaKsgEstimator;

    private static (T Estimator, string? Reason) Unpack<T>(AutoChoice<T> choice) => (choice.Estimator, choice.Reason);

    /// <summary>
    /// The Gaussian estimator picks its covariance method from the rows it is given (the unbiased
    /// log-determinant when p ≤ rows − 1, else Ledoit–Wolf). Half-samples have ⌊N/2⌋ rows, so for
    /// N/2 ≤ p &lt; N the full estimate and its half-samples would use different methods and the
    /// half-sample spread would say nothing about the full estimate's (measured: intervals about ten
    /// times too narrow at N = 300, 100 + 100 dimensions). The method is therefore chosen once, from the
    /// half-sample size: here p counts every column (constant ones included, an upper bound).
    /// </summary>
    private static IMutualInformationEstimator OneCovarianceMethod(IMutualInformationEstimator estimator, int rows, int dimensions) =>
        estimator is GaussianEstimator { BiasCorrected: true } gaussian && !gaussian.UsesBiasCorrection(rows / 2, dimensions)
            ? new GaussianEstimator(biasCorrected: false)
            : estimator;

    /// <summary>The trained estimators' settings: their defaults with the run's seed and device.</summary>
    private NeuralEstimatorOptions Neural => new() { Seed = _options.Seed, Device = _options.Device };

    private IMutualInformationEstimator Continuous(EstimatorFamily family) => (IMutualInformationEstimator)Create(family, label: false);

    private ILabelMutualInformationEstimator Discrete(EstimatorFamily family) => (ILabelMutualInformationEstimator)Create(family, label: true);

    /// <summary>The family's estimator for a continuous Y or a class label (most implement both contracts).</summary>
    private object Create(EstimatorFamily family, bool label) => family switch
    {
        EstimatorFamily.Ksg or EstimatorFamily.Mixed => label ? new MixedEstimator(_options.K, _options.Seed) : new KsgEstimator(_options.K, _options.Seed),
        EstimatorFamily.Gaussian => label ? new GaussianLabelEstimator() : new GaussianEstimator(),
        EstimatorFamily.Copula => label ? new CopulaLabelEstimator() : new CopulaEstimator(),
        EstimatorFamily.CcaKsg => new CcaKsgEstimator(_options.K, _options.Seed),
        EstimatorFamily.Probe => new ProbeEstimator(seed: _options.Seed),
        EstimatorFamily.Latent => new LatentEstimator(Neural, _options.K),
        EstimatorFamily.InfoNce => new InfoNceEstimator(Neural),
        EstimatorFamily.Smile => new SmileEstimator(Neural),
        EstimatorFamily.Mine => new MineEstimator(Neural),
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "Auto is resolved by AutoEstimatorRule."),
    };
}
