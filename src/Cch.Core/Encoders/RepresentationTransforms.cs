using Cch.Data;

namespace Cch.Encoders;

/// <summary>
/// What happens to the representations after they are read and before anything is estimated
/// (<c>--student-blur</c>, <c>--teacher-encoder</c>, <c>--student-encoder</c>): the student is blurred as images,
/// then each side runs through its ONNX encoder. <see cref="None"/> leaves the dumps as read.
/// </summary>
public sealed record RepresentationTransforms
{
    /// <summary>No blur, no encoders.</summary>
    public static RepresentationTransforms None { get; } = new();

    /// <summary>Blur the student as images after reading (<c>--student-blur</c>, <c>--image-shape</c>), or <c>null</c>.</summary>
    public ImageBlur? StudentBlur { get; init; }

    /// <summary>
    /// ONNX encoders that turn the teachers' raw columns into representations (<c>--teacher-encoder</c>):
    /// none, one for every teacher, or one per teacher in the order of the teachers.
    /// </summary>
    public IReadOnlyList<EncoderOptions> TeacherEncoders { get; init; } = [];

    /// <summary>An ONNX encoder for the student's raw column (<c>--student-encoder</c>), applied after <see cref="StudentBlur"/>; or <c>null</c>.</summary>
    public EncoderOptions? StudentEncoder { get; init; }

    /// <summary>Whether nothing is blurred or encoded.</summary>
    public bool IsEmpty => StudentBlur is null && TeacherEncoders.Count == 0 && StudentEncoder is null;

    /// <summary>The encoder for teacher <paramref name="index"/>: none, the one for every teacher, or its own.</summary>
    public EncoderOptions? TeacherEncoder(int index) => TeacherEncoders.Count switch
    {
        0 => null,
        1 => TeacherEncoders[0],
        _ => TeacherEncoders[index],
    };

    /// <summary>
    /// Tells the loader which teachers these transforms make different from the student
    /// (<see cref="DataRequest.TeachersTransformedApart"/>, <see cref="DataRequest.StudentEncoded"/>): with a student
    /// blur every teacher, otherwise those whose encoder runs another computation than the student's (another model by
    /// content, output, shape or scale). A teacher the same as the student stays refused when it names the student's column.
    /// </summary>
    /// <param name="request">What is read; its encoder models resolve against its <see cref="DataRequest.BaseDirectory"/>.</param>
    /// <returns>The request with both properties set.</returns>
    /// <exception cref="CchInputException">More than one teacher encoder, but not one per teacher.</exception>
    public DataRequest Describe(DataRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var teachers = request.Teachers.Count;
        if (TeacherEncoders.Count > 1 && teachers > 0 && TeacherEncoders.Count != teachers)
            throw new CchInputException($"--teacher-encoder was given {TeacherEncoders.Count} times for {teachers} teacher(s); give one for every teacher or one per --teacher, in the same order.");
        return request with
        {
            TeachersTransformedApart = Enumerable.Range(0, teachers).Select(i => StudentBlur is not null || !SameEncoding(TeacherEncoder(i), request.BaseDirectory)).ToList(),
            StudentEncoded = StudentEncoder is not null,
        };
    }

    private bool SameEncoding(EncoderOptions? teacher, string baseDirectory) =>
        teacher is null ? StudentEncoder is null : teacher.SameComputation(StudentEncoder, baseDirectory);
}
