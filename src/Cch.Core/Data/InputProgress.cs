namespace Cch.Data;

/// <summary>
/// Progress of preparing the input, one phase at a time: reading the numeric columns (<see cref="ReadingPhase"/>),
/// then any step applied to what was read (blurring the student, running an encoder). Within a phase
/// <paramref name="Completed"/> rises from 0 to <paramref name="Total"/>; the last report of a phase has
/// <paramref name="Completed"/> = <paramref name="Total"/>.
/// </summary>
/// <param name="Phase">What runs, e.g. <c>reading input</c> or <c>encoding student (mnist-8.onnx)</c>.</param>
/// <param name="Completed">Rows done so far: file rows read (unused rows count as read) or rows blurred or encoded.</param>
/// <param name="Total">Rows the phase handles: the rows of every file whose numeric columns are read, or the rows blurred or encoded.</param>
public sealed record InputProgress(string Phase, long Completed, long Total)
{
    /// <summary>The phase in which Parquet files are read.</summary>
    public const string ReadingPhase = "reading input";
}
