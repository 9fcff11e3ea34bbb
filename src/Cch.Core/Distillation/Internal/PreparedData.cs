using Cch.Data;
using Cch.Estimators.Internal;

namespace Cch.Distillation.Internal;

/// <summary>
/// A verification's inputs after checking and preprocessing, as float32 row-major arrays ready for
/// libtorch (no libtorch here). Representations are standardised per column with the training rows'
/// mean and population SD (constant columns become 0); a regression target is standardised the same way
/// (given teacher predictions with it) and metrics are reported back in its original units.
/// </summary>
internal sealed class PreparedData
{
    /// <summary>Fewest training rows accepted: below this a fit/validation split leaves too little to train and stop on.</summary>
    public const int MinTrainRows = 10;

    private PreparedData()
    {
    }

    /// <summary>Whether the label is a class (else a real value).</summary>
    public bool IsClassification { get; private init; }

    /// <summary>Model outputs: C classes, or 1 for regression.</summary>
    public int Outputs { get; private init; }

    /// <summary>Training rows N_train (fit + validation).</summary>
    public int TrainRows { get; private init; }

    /// <summary>Test rows N_test.</summary>
    public int TestRows { get; private init; }

    /// <summary>Standardised H_s, N_train×d_s.</summary>
    public float[] StudentTrain { get; private init; } = [];

    /// <summary>Standardised H_s, N_test×d_s.</summary>
    public float[] StudentTest { get; private init; } = [];

    /// <summary>d_s.</summary>
    public int StudentColumns { get; private init; }

    /// <summary>Standardised H_t, N_train×d_t, or <c>null</c> when teacher outputs are given.</summary>
    public float[]? TeacherTrain { get; private init; }

    /// <summary>Standardised H_t, N_test×d_t, or <c>null</c>.</summary>
    public float[]? TeacherTest { get; private init; }

    /// <summary>d_t (0 when teacher outputs are given).</summary>
    public int TeacherColumns { get; private init; }

    /// <summary>Given teacher outputs on the training rows, N_train×<see cref="Outputs"/> (regression: in standardised target units), or <c>null</c>.</summary>
    public float[]? TeacherOutputsTrain { get; private init; }

    /// <summary>Class per training row (classification).</summary>
    public int[]? ClassTrain { get; private init; }

    /// <summary>Class per test row (classification).</summary>
    public int[]? ClassTest { get; private init; }

    /// <summary>Standardised target per training row (regression).</summary>
    public float[]? TargetTrain { get; private init; }

    /// <summary>Original target per test row (regression).</summary>
    public double[]? TargetTest { get; private init; }

    /// <summary>Training mean of the regression target (0 for classification).</summary>
    public double TargetMean { get; private init; }

    /// <summary>Training population SD of the regression target (1 when constant, and for classification); MSE in standardised units × its square gives original units.</summary>
    public double TargetScale { get; private init; } = 1;

    /// <summary>Checks <paramref name="data"/> and <paramref name="options"/> and preprocesses the data.</summary>
    /// <exception cref="CchInputException">Inconsistent shapes, too few rows, a test class missing from training, non-finite values, or an option out of range.</exception>
    public static PreparedData Create(VerificationData data, VerificationOptions options)
    {
        CheckOptions(options);
        var train = data.LabelTrain;
        var test = data.LabelTest;
        var isClassification = train.Kind == LabelKind.Classification;
        if (test.Kind != train.Kind)
            throw new CchInputException($"The training label is {train.Kind} but the test label is {test.Kind}.");
        var nTrain = train.Count;
        var nTest = test.Count;
        if (nTrain < MinTrainRows)
            throw new CchInputException($"Verification needs at least {MinTrainRows} training rows (split again into fit and validation rows); got {nTrain}.");
        if (nTest < 1)
            throw new CchInputException("Verification needs at least one test row.");
        CheckRows(data.StudentTrain, nTrain, "student training");
        CheckRows(data.StudentTest, nTest, "student test");
        if (data.StudentTest.Columns != data.StudentTrain.Columns)
            throw new CchInputException($"The student has {data.StudentTrain.Columns} columns on training rows but {data.StudentTest.Columns} on test rows.");

        var outputs = 1;
        if (isClassification)
        {
            outputs = train.ClassCount;
            if (outputs < 2)
                throw new CchInputException($"Classification needs at least 2 classes; the label has {outputs}.");
            if (!train.ClassNames!.SequenceEqual(test.ClassNames!))
                throw new CchInputException("The training and test labels must use the same classes in the same order.");
            var seen = new bool[outputs];
            foreach (var c in train.Classes!) seen[c] = true;
            foreach (var c in test.Classes!)
                if (!seen[c])
                    throw new CchInputException($"Class '{train.ClassNames![c]}' occurs in the test rows but not in the training rows; a model cannot learn it.");
        }
        else
        {
            CheckFinite(train.Values!, 1, "training label");
            CheckFinite(test.Values!, 1, "test label");
        }

        var givenOutputs = data.TeacherLogitsTrain;
        var hasFeatures = data.TeacherTrain is not null || data.TeacherTest is not null;
        if (hasFeatures == (givenOutputs is not null))
            throw new CchInputException($"Teacher '{data.TeacherName}': give either its representations (training and test) or its outputs on the training rows, not both or neither.");

        float[]? teacherTrain = null, teacherTest = null, teacherOutputs = null;
        var teacherColumns = 0;
        if (hasFeatures)
        {
            if (data.TeacherTrain is null || data.TeacherTest is null)
                throw new CchInputException($"Teacher '{data.TeacherName}': both training and test representations are needed.");
            CheckRows(data.TeacherTrain, nTrain, "teacher training");
            CheckRows(data.TeacherTest, nTest, "teacher test");
            if (data.TeacherTest.Columns != data.TeacherTrain.Columns)
                throw new CchInputException($"Teacher '{data.TeacherName}' has {data.TeacherTrain.Columns} columns on training rows but {data.TeacherTest.Columns} on test rows.");
            teacherColumns = data.TeacherTrain.Columns;
            (teacherTrain, teacherTest) = Standardize(data.TeacherTrain, data.TeacherTest);
        }

        double targetMean = 0, targetScale = 1;
        float[]? targetTrain = null;
        if (!isClassification)
        {
            var stats = ColumnStatistics.Compute(train.AsMatrix(), default, "label");
            targetMean = stats.Mean[0];
            var sd = stats.StandardDeviation[0];
            targetScale = sd > 0 ? sd : 1;
            targetTrain = new float[nTrain];
            for (var i = 0; i < nTrain; i++) targetTrain[i] = (float)((train.Values![i] - targetMean) / targetScale);
        }

        if (givenOutputs is not null)
        {
            CheckRows(givenOutputs, nTrain, "teacher output");
            if (givenOutputs.Columns != outputs)
                throw new CchInputException(isClassification
                    ? $"Teacher '{data.TeacherName}': the teacher outputs '{givenOutputs.Name}' have {givenOutputs.Columns} values per row; expected {outputs} logits per row (one per class)."
                    : $"Teacher '{data.TeacherName}': the teacher outputs '{givenOutputs.Name}' have {givenOutputs.Columns} values per row; expected one prediction per row for regression.");
            teacherOutputs = new float[givenOutputs.Values.Length];
            for (var i = 0; i < teacherOutputs.Length; i++)
                teacherOutputs[i] = (float)((givenOutputs.Values[i] - targetMean) / targetScale);
        }

        var (studentTrain, studentTest) = Standardize(data.StudentTrain, data.StudentTest);
        return new PreparedData
        {
            IsClassification = isClassification,
            Outputs = outputs,
            TrainRows = nTrain,
            TestRows = nTest,
            StudentTrain = studentTrain,
            StudentTest = studentTest,
            StudentColumns = data.StudentTrain.Columns,
            TeacherTrain = teacherTrain,
            TeacherTest = teacherTest,
            TeacherColumns = teacherColumns,
            TeacherOutputsTrain = teacherOutputs,
            ClassTrain = train.Classes,
            ClassTest = test.Classes,
            TargetTrain = targetTrain,
            TargetTest = test.Values,
            TargetMean = targetMean,
            TargetScale = targetScale,
        };
    }

    /// <summary>
    /// Standardises both matrices with the training matrix's per-column mean and population SD:
    /// z = (x − mean) / SD, or 0 for a constant column. Returns float32 copies.
    /// </summary>
    /// <exception cref="CchInputException">A value is NaN or infinite.</exception>
    public static (float[] Train, float[] Test) Standardize(FeatureMatrix train, FeatureMatrix test)
    {
        CheckFinite(train.Values, train.Columns, train.Name);
        CheckFinite(test.Values, test.Columns, test.Name);
        var d = train.Columns;
        var zTrain = new float[train.Values.Length];
        var zTest = new float[test.Values.Length];
        var stats = ColumnStatistics.Compute(train, default, train.Name);
        for (var j = 0; j < d; j++)
        {
            var constant = !(stats.StandardDeviation[j] > 0);
            for (var i = 0; i < train.Rows; i++)
                zTrain[i * d + j] = constant ? 0f : (float)stats.Standardize(train.Values[i * d + j], j);
            for (var i = 0; i < test.Rows; i++)
                zTest[i * d + j] = constant ? 0f : (float)stats.Standardize(test.Values[i * d + j], j);
        }

        return (zTrain, zTest);
    }

    private static void CheckRows(FeatureMatrix m, int expected, string what)
    {
        if (m.Rows != expected)
            throw new CchInputException($"The {what} matrix '{m.Name}' has {m.Rows} rows but the label has {expected}.");
    }

    private static void CheckFinite(double[] values, int columns, string name)
    {
        for (var i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
                throw new CchInputException($"'{name}' holds a non-finite value ({values[i]}) in row {i / columns}, column {i % columns}; verification needs finite numbers.");
    }

    private static void CheckOptions(VerificationOptions o)
    {
        static void Require(bool ok, string message)
        {
            if (!ok) throw new CchInputException(message);
        }

        Require(o.HiddenUnits >= 1, $"Hidden units must be at least 1, got {o.HiddenUnits}.");
        Require(o.LearningRate > 0 && o.LearningRate <= float.MaxValue, $"The learning rate must be positive and at most {float.MaxValue:G3} (training runs in float32), got {o.LearningRate}.");
        Require(double.IsFinite(o.WeightDecay) && o.WeightDecay >= 0, $"Weight decay must be 0 or more, got {o.WeightDecay}.");
        Require(o.BatchSize >= 1, $"The batch size must be at least 1, got {o.BatchSize}.");
        Require(o.MaxEpochs >= 1, $"Max epochs must be at least 1, got {o.MaxEpochs}.");
        Require(o.Patience >= 1, $"Patience must be at least 1 epoch, got {o.Patience}.");
        Require(o.Seeds >= 1, $"Seeds must be at least 1, got {o.Seeds}.");
        Require(o.Temperatures.Count > 0 && o.Temperatures.All(t => double.IsFinite(t) && t > 0), "Temperatures must be a non-empty list of positive numbers.");
        Require(o.Lambdas.Count > 0 && o.Lambdas.All(l => l is >= 0 and <= 1), "λ values must be a non-empty list of numbers in [0, 1].");
        Require(o.ValidationFraction is > 0 and < 1, $"The validation fraction must lie in (0, 1), got {o.ValidationFraction}.");
        Require(o.Threads >= 1, $"Threads must be at least 1, got {o.Threads}.");
        Require(o.ConfidenceLevel is > 0 and < 1, $"The confidence level must lie in (0, 1), got {o.ConfidenceLevel}.");
        Require(o.MinEffect is null || (double.IsFinite(o.MinEffect.Value) && o.MinEffect >= 0), $"The minimum effect must be a finite number ≥ 0, got {o.MinEffect}.");
        Require(!o.AutoSeeds || o.Seeds >= 2, $"Automatic seeds need at least 2 seeds at the first look, got {o.Seeds}.");
        Require(o.ParallelSeeds >= 1, $"Parallel seeds must be at least 1, got {o.ParallelSeeds}.");
        Require(o.AutoSeedsStep >= 1, $"Seeds added per round must be at least 1, got {o.AutoSeedsStep}.");
        Require(!o.AutoSeeds || o.MaxSeeds >= o.Seeds, $"The seed cap ({o.MaxSeeds}) must be at least the first look's {o.Seeds} seeds.");
        Require(o.NoKdWeightDecays is null || o.NoKdWeightDecays.All(w => double.IsFinite(w) && w >= 0), "No-KD weight decays must be numbers ≥ 0.");
    }
}
