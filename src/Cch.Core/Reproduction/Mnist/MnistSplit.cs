using Cch.Neural;

namespace Cch.Reproduction.Mnist;

/// <summary>
/// Which digits a run uses and for what. <see cref="Rows"/> are the selected rows of the file (training
/// rows, then test rows); <see cref="Fit"/>, <see cref="Validation"/> and <see cref="Test"/> index into that selection.
/// </summary>
/// <param name="Rows">Selected file rows: the training rows (sorted), then the test rows (sorted).</param>
/// <param name="Fit">Selection indices of the rows for gradient steps.</param>
/// <param name="Validation">Selection indices of the rows for early stopping.</param>
/// <param name="Test">Selection indices of the held-out rows.</param>
/// <param name="FitClasses">Digit of each fit row.</param>
/// <param name="ValidationClasses">Digit of each validation row.</param>
/// <param name="TestClasses">Digit of each test row.</param>
internal sealed record MnistSplit(int[] Rows, int[] Fit, int[] Validation, int[] Test, int[] FitClasses, int[] ValidationClasses, int[] TestClasses)
{
    /// <summary>
    /// Three stratified draws (<see cref="ValidationSplit.Draw"/>, each class rounded separately, so the counts are
    /// close to but not always exactly the asked ones): the test rows from all rows, the training rows from the rest,
    /// and the validation rows from the training rows. Each draw has its own seed.
    /// </summary>
    /// <param name="classes">Digit of every file row.</param>
    /// <param name="trainRows">Training rows wanted (fit + validation).</param>
    /// <param name="testRows">Test rows wanted.</param>
    /// <param name="validationFraction">Share of the training rows for validation.</param>
    /// <param name="testSeed">Seed of the test draw.</param>
    /// <param name="trainSeed">Seed of the training-subset draw.</param>
    /// <param name="validationSeed">Seed of the validation draw.</param>
    /// <exception cref="CchInputException">More rows are asked for than the file has.</exception>
    public static MnistSplit Draw(int[] classes, int trainRows, int testRows, double validationFraction, int testSeed, int trainSeed, int validationSeed)
    {
        var n = classes.Length;
        if (trainRows < 20 || testRows < 10 || trainRows + testRows > n)
            throw new CchInputException($"The MNIST reproduction needs at least 20 training and 10 test rows and at most the {n} rows of the file; asked for {trainRows} + {testRows}.");
        var (rest, test) = ValidationSplit.Draw(n, classes, (double)testRows / n, testSeed);
        int[] train;
        if (trainRows >= rest.Length)
        {
            train = rest;
        }
        else
        {
            var restClasses = rest.Select(i => classes[i]).ToArray();
            var (_, chosen) = ValidationSplit.Draw(rest.Length, restClasses, (double)trainRows / rest.Length, trainSeed);
            train = chosen.Select(i => rest[i]).ToArray();
        }

        var trainClasses = train.Select(i => classes[i]).ToArray();
        var (fit, validation) = ValidationSplit.Draw(train.Length, trainClasses, validationFraction, validationSeed);
        var rows = train.Concat(test).ToArray();
        var testIndices = Enumerable.Range(train.Length, test.Length).ToArray();
        return new MnistSplit(
            rows,
            fit,
            validation,
            testIndices,
            fit.Select(i => trainClasses[i]).ToArray(),
            validation.Select(i => trainClasses[i]).ToArray(),
            test.Select(i => classes[i]).ToArray());
    }
}
