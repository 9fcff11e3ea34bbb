using System.Runtime.InteropServices;
using Cch.Neural;
using Cch.Tests;
using Cch.Tool.Errors;

namespace Cch.Tool.Tests.Errors;

/// <summary>
/// Which exceptions are the user's to fix (exit code 2) and which are bugs (exit code 3, crash file). The libtorch
/// messages are libtorch's own wording (c10's CPU allocator and a broadcast check, each followed by its C++ trace);
/// Cch.Core.Tests' TorchOutOfMemoryTests raise both for real.
/// </summary>
public sealed class ErrorReporterTests : IDisposable
{
    private const string AllocationFailure =
        "[enforce fail at alloc_cpu.cpp:117] data. DefaultCPUAllocator: not enough memory: you tried to allocate 4503599627370496 bytes.\n"
        + "frame #0: c10::ThrowEnforceNotMet(char const*, int, char const*, std::string const&, void const*) + 0x58 (0x7f in libc10.so)";

    private const string ShapeMismatch =
        "The size of tensor a (3) must match the size of tensor b (5) at non-singleton dimension 1\n"
        + "Exception raised from infer_size_impl at /pytorch/aten/src/ATen/ExpandUtils.cpp:31 (most recent call first):\n"
        + "frame #0: c10::Error::Error(c10::SourceLocation, std::string) + 0xb0 (0x7f in libc10.so)";

    private readonly TempFolder _crashes = new();
    private readonly StringWriter _error = new();

    public void Dispose() => _crashes.Dispose();

    private int Report(Exception e, bool verbose = false) => ErrorReporter.Report(e, _error, verbose, ["check", "--data", "my data.parquet"], _crashes.Path);

    private string[] CrashFiles => Directory.GetFiles(_crashes.Path);

    [Fact]
    public void Bad_input_exits_2_with_its_message_and_no_crash_file()
    {
        Assert.Equal(2, Report(new CchInputException("not a number", file: "/d/x.parquet", column: "a", row: 3)));
        Assert.Equal("error: /d/x.parquet, column 'a', row 3: not a number" + Environment.NewLine, _error.ToString());
        Assert.Empty(CrashFiles);
    }

    [Fact]
    public void Training_divergence_exits_2_with_what_epochs_rate_and_advice()
    {
        Assert.Equal(2, Report(new TrainingDivergedException("student (seed 1)", 20, 0.5, "Try a lower --learning-rate.")));
        var text = _error.ToString();
        Assert.StartsWith("error: Training the student (seed 1) diverged", text);
        Assert.Contains("20 epochs", text);
        Assert.Contains("0.5", text);
        Assert.Contains("Try a lower --learning-rate.", text);
        Assert.Empty(CrashFiles);
    }

    [Fact]
    public void A_libtorch_allocation_failure_exits_2_with_the_first_line_and_advice()
    {
        Assert.Equal(2, Report(new ExternalException(AllocationFailure)));
        var lines = _error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length); // no C++ trace without --verbose
        Assert.Contains("DefaultCPUAllocator: not enough memory", lines[0]);
        Assert.Contains("--hidden and --batch-size", lines[1]);
        Assert.Empty(CrashFiles);
    }

    [Fact]
    public void Any_other_libtorch_error_is_a_bug_even_with_a_cpp_trace()
    {
        Assert.Equal(3, Report(new ExternalException(ShapeMismatch)));
        Assert.StartsWith("internal error (ExternalException): The size of tensor a (3) must match", _error.ToString());
        Assert.Single(CrashFiles);
    }

    [UnixFact]
    public void A_full_disk_without_a_named_file_is_standard_output_and_exits_2()
    {
        Assert.Equal(2, Report(new IOException("No space left on device", 28)));
        Assert.StartsWith("error: the disk holding standard output is full (No space left on device)", _error.ToString());
        Assert.Empty(CrashFiles);
    }

    [Fact]
    public void An_io_error_nobody_anticipated_is_a_bug()
    {
        Assert.Equal(3, Report(new IOException("Input/output error", 5)));
        Assert.StartsWith("internal error (IOException): Input/output error", _error.ToString());
        Assert.Single(CrashFiles);
    }

    [Fact]
    public void A_bug_exits_3_with_a_short_message_naming_the_crash_file_which_holds_the_full_trace()
    {
        var bug = Thrown(new InvalidOperationException("Sequence contains no elements", new IndexOutOfRangeException("inner detail")));

        Assert.Equal(3, Report(bug));

        var crash = Assert.Single(CrashFiles);
        Assert.Matches(@"^cch-crash-\d{8}T\d{9}Z-\d+\.txt$", Path.GetFileName(crash));
        var text = _error.ToString();
        Assert.StartsWith("internal error (InvalidOperationException): Sequence contains no elements", text);
        Assert.Contains(crash, text);
        Assert.DoesNotContain(" at ", text); // the trace is in the file, not on the terminal
        var contents = File.ReadAllText(crash);
        Assert.Contains($"Cch {ToolInfo.Version} internal error", contents);
        Assert.Contains("command line: dotnet cch check --data 'my data.parquet'", contents);
        Assert.Contains("os: ", contents);
        Assert.Contains("cpu: ", contents);
        Assert.Contains(nameof(Thrown), contents); // the stack trace
        Assert.Contains("inner detail", contents); // and the inner exception
    }

    [Fact]
    public void Verbose_prints_the_full_exception_with_its_inner_exceptions()
    {
        Assert.Equal(3, Report(Thrown(new InvalidOperationException("outer", new FormatException("inner detail"))), verbose: true));
        var text = _error.ToString();
        Assert.Contains(" at ", text);
        Assert.Contains(nameof(Thrown), text);
        Assert.Contains("inner detail", text);
    }

    [Fact]
    public void Without_a_writable_crash_folder_the_trace_goes_to_standard_error()
    {
        var missing = Path.Combine(_crashes.Path, "no such folder");
        Assert.Equal(3, ErrorReporter.Report(Thrown(new InvalidOperationException("boom")), _error, verbose: false, ["check"], missing));
        Assert.Contains("no crash file", _error.ToString());
        Assert.Contains(nameof(Thrown), _error.ToString());
    }

    [Fact]
    public void Cancellation_exits_130()
    {
        Assert.Equal(130, Report(new OperationCanceledException()));
        Assert.Equal("cancelled." + Environment.NewLine, _error.ToString());
    }

    /// <summary>The exception after a real throw, so it has a stack trace naming this method.</summary>
    private static Exception Thrown(Exception e)
    {
        try
        {
            throw e;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }
}
