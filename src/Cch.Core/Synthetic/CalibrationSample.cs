using Cch.Data;

namespace Cch.Synthetic;

/// <summary>One draw of a <see cref="CalibrationTask"/>: aligned teacher, student and label rows.</summary>
/// <param name="Teacher">H_t, N×d_t.</param>
/// <param name="Student">H_s, N×d_s.</param>
/// <param name="Label">Y, N values: classes "0"/"1" for a binary task, real values for a regression task.</param>
public sealed record CalibrationSample(FeatureMatrix Teacher, FeatureMatrix Student, LabelVector Label)
{
    /// <summary>Number of rows N.</summary>
    public int Rows => Student.Rows;

    /// <summary>The sample as the criterion's input (<see cref="Criterion.CchCriterion.Evaluate"/>): one teacher, no keys, no files.</summary>
    public Dataset ToDataset() => new()
    {
        Teachers = [Teacher],
        Student = Student,
        Label = Label,
        Inputs = [],
        Join = new JoinSummary(null, JoinMode.Strict, Rows, 0, 0),
    };
}
