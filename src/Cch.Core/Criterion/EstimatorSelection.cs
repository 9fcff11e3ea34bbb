using Cch.Data;
using Cch.Estimators;

namespace Cch.Criterion;

/// <summary>
/// The estimators chosen for one run: <see cref="TeacherStudent"/> for I(H_t;H_s) and a label-side
/// estimator for I(H_s;Y) that matches the label kind (see <see cref="EstimatorFamily"/>).
/// </summary>
public sealed class EstimatorSelection
{
    private readonly IMutualInformationEstimator? _regression;
    private readonly ILabelMutualInformationEstimator? _classification;

    private EstimatorSelection(IMutualInformationEstimator teacherStudent, IMutualInformationEstimator? regression, ILabelMutualInformationEstimator? classification)
    {
        TeacherStudent = teacherStudent;
        _regression = regression;
        _classification = classification;
    }

    /// <summary>Estimator of I(H_t;H_s).</summary>
    public IMutualInformationEstimator TeacherStudent { get; }

    /// <summary>Report name of the estimator of I(H_s;Y).</summary>
    public string StudentLabelName => _classification?.Name ?? _regression!.Name;

    /// <summary>Smallest N both estimators accept.</summary>
    public int MinimumRows => Math.Max(TeacherStudent.MinimumRows, _classification?.MinimumRows ?? _regression!.MinimumRows);

    /// <summary>Picks the estimators for <paramref name="options"/> and a label of kind <paramref name="labelKind"/>.</summary>
    /// <exception cref="CchInputException">k &lt; 1.</exception>
    public static EstimatorSelection Create(CriterionOptions options, LabelKind labelKind)
    {
        if (options.K < 1)
            throw new CchInputException($"k = {options.K}: the number of nearest neighbours must be at least 1.");
        var labelFamily = options.LabelEstimator ?? options.Estimator;
        var teacherStudent = Continuous(options.Estimator, options);
        return labelKind == LabelKind.Classification
            ? new EstimatorSelection(teacherStudent, null, Discrete(labelFamily, options))
            : new EstimatorSelection(teacherStudent, Continuous(labelFamily, options), null);
    }

    /// <summary>Estimates I(H_s;Y) in nats for the label's kind.</summary>
    public double StudentLabel(FeatureMatrix student, LabelVector label) =>
        label.Kind == LabelKind.Classification
            ? _classification!.Estimate(student, label.Classes!)
            : _regression!.Estimate(student, label.AsMatrix());

    private static IMutualInformationEstimator Continuous(EstimatorFamily family, CriterionOptions options) => family switch
    {
        EstimatorFamily.Gaussian => new GaussianEstimator(),
        _ => new KsgEstimator(options.K, options.Seed),
    };

    private static ILabelMutualInformationEstimator Discrete(EstimatorFamily family, CriterionOptions options) => family switch
    {
        EstimatorFamily.Gaussian => new GaussianLabelEstimator(),
        _ => new MixedEstimator(options.K, options.Seed),
    };
}
