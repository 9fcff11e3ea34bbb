using System.Diagnostics;
using Parquet;
using Parquet.Meta.Proto;

namespace Cch.Data.Parquet;

/// <summary>
/// Tells a Parquet file the library cannot decode (bad input, exit code 2) from a bug in our own
/// code (exit code 3). Parquet.Net 6.1 and its codecs report bad bytes with their own exception
/// types (<see cref="ParquetException"/>, <see cref="ThriftProtocolException"/>, ZstdSharp's
/// <c>ZstdException</c>, <see cref="InvalidDataException"/> from gzip and brotli) and, as the
/// corpus in <c>tests/TestAssets/parquet/corpus</c> shows, with general ones raised inside the
/// library while it decodes (an <see cref="ArgumentOutOfRangeException"/> from the schema tree of a
/// zeroed footer, an <see cref="IndexOutOfRangeException"/> from a level decoder). A general
/// exception counts as bad input only when the library threw it: the first stack frame outside the
/// .NET runtime libraries must lie in Parquet.Net or one of its codecs, so the same exception type
/// thrown by our code is never mistaken for a corrupt file.
/// </summary>
internal static class ParquetFault
{
    /// <summary>Parquet.Net and the assemblies it decodes with (the codecs and its memory helpers).</summary>
    private static readonly HashSet<string> LibraryAssemblies = new(StringComparer.Ordinal)
    {
        typeof(ParquetReader).Assembly.GetName().Name!,
        "ZstdSharp",
        "Snappier",
        "K4os.Compression.LZ4",
        "CommunityToolkit.HighPerformance",
        "Microsoft.IO.RecyclableMemoryStream",
    };

    /// <summary>
    /// Whether <paramref name="exception"/> says the file cannot be decoded: a library exception type,
    /// or a general decoding exception (argument, index, cast, overflow, format, end of stream, invalid
    /// operation, unsupported feature) thrown inside the library. Cancellation and running out of
    /// memory are never bad files.
    /// </summary>
    public static bool IsBadFile(Exception exception)
    {
        if (exception is OperationCanceledException || Internal.OutOfMemory.Caused(exception)) return false;
        if (exception is ParquetException or ThriftProtocolException) return true;
        if (exception.GetType().FullName == "ZstdSharp.ZstdException") return true;
        return exception is InvalidDataException or ArgumentException or IndexOutOfRangeException or InvalidCastException or OverflowException
                   or FormatException or EndOfStreamException or InvalidOperationException or NotSupportedException
                   or NotImplementedException
               && ThrownByLibrary(exception);
    }

    /// <summary>
    /// Whether the file is written with data page v2 pages that Parquet.Net 6.1 cannot decode: it
    /// throws <see cref="NotImplementedException"/> for a v2 page of a column with repetition levels
    /// (a list). <paramref name="pageTypes"/> are the page types the column chunk's metadata records
    /// (empty when the writer did not record them).
    /// </summary>
    public static bool IsDataPageV2(Exception exception, int maxRepetitionLevel, IEnumerable<global::Parquet.Meta.PageType> pageTypes) =>
        exception is NotImplementedException
        && ThrownByLibrary(exception)
        && (pageTypes.Contains(global::Parquet.Meta.PageType.DATA_PAGE_V2) || maxRepetitionLevel > 0 && ThrownIn(exception, "ReadDataPageV2"));

    /// <summary>Whether the library refused a schema without fields (a file with no columns).</summary>
    public static bool IsEmptySchema(Exception exception) =>
        exception is ArgumentException { ParamName: "fields" } && ThrownByLibrary(exception)
        && FirstOwnFrame(exception)?.Type == typeof(global::Parquet.Schema.ParquetSchema);

    /// <summary>Whether the first frame outside the .NET runtime libraries is in Parquet.Net or its codecs.</summary>
    internal static bool ThrownByLibrary(Exception exception) =>
        FirstOwnFrame(exception)?.Type.Assembly.GetName().Name is { } name && LibraryAssemblies.Contains(name);

    /// <summary>Whether the throwing method (of the library) is named <paramref name="methodPrefix"/>….</summary>
    private static bool ThrownIn(Exception exception, string methodPrefix) =>
        FirstOwnFrame(exception)?.Method.Contains(methodPrefix, StringComparison.Ordinal) == true;

    /// <summary>
    /// The innermost stack frame that is not in the .NET runtime libraries: its type and method name
    /// (for an async method, the type that declares it and its state machine's name, e.g. <c>&lt;ReadAsync&gt;d__3</c>).
    /// </summary>
    private static (System.Type Type, string Method)? FirstOwnFrame(Exception exception)
    {
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: false).GetFrames())
        {
            var method = frame.GetMethod();
            if (method?.DeclaringType is not { } type || IsRuntime(type.Assembly.GetName().Name ?? string.Empty)) continue;
            return type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), inherit: false) && type.DeclaringType is { } outer
                ? (outer, type.Name)
                : (type, method.Name);
        }

        return null;
    }

    private static bool IsRuntime(string assembly) =>
        assembly is "System.Private.CoreLib" or "mscorlib" or "netstandard" || assembly.StartsWith("System.", StringComparison.Ordinal);
}
