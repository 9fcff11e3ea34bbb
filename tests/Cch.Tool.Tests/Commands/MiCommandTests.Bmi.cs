using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Cch.Tests;

namespace Cch.Tool.Tests.Commands;

/// <summary>
/// <c>mi bmi</c> under the contract of bmi's <c>ExternalEstimator</c> (cbg-ethz/bmi,
/// <c>src/bmi/estimators/external/external_estimator.py</c>): it runs
/// <c>subprocess.check_output(args, stderr=subprocess.STDOUT)</c> on the CSV that <c>save_sample</c>
/// wrote with pandas and parses <c>output.decode().strip()</c> with Python's <c>float()</c>; any other
/// byte on either stream breaks the run.
/// </summary>
public sealed partial class MiCommandTests
{
    /// <summary>What Python's <c>float()</c> accepts from a finite number, after <c>strip()</c>.</summary>
    private static readonly Regex PythonFloat = new(@"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$");

    [Theory]
    [InlineData(new string[0], 0.12)]
    [InlineData(new[] { "--estimator", "ksg", "--k", "5", "--seed", "3" }, 0.12)]
    [InlineData(new[] { "--estimator", "copula" }, 0.12)]
    public void Bmi_mode_prints_one_float_and_nothing_else_close_to_the_closed_form(string[] options, double tolerance)
    {
        using var dir = new TempFolder();
        // bmi's save_sample for dim_x = 2, dim_y = 2 (pandas, index=False): X0,X1,Y0,Y1; truth 0.6547 nats.
        var sample = WritePandasCsv(dir.File("sample.csv"), rows: 2000, seed: 3);

        var (exitCode, output) = RunMerged(dir.Path, ["mi", "bmi", sample, "2", "2", .. options]);

        Assert.True(exitCode == 0, output);
        var text = output.Trim(); // Python's str.strip()
        Assert.Matches(PythonFloat, text);
        var estimate = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        Assert.InRange(estimate, Truth(Rho) - tolerance, Truth(Rho) + tolerance);
        Assert.Equal(text + "\n", output); // one line, round-trip digits, nothing on standard error
    }

    [Fact]
    public void Bmi_mode_gives_the_value_mi_gives_on_the_same_rows()
    {
        using var dir = new TempFolder();
        var sample = WritePandasCsv(dir.File("sample.csv"), rows: 500, seed: 8);
        var parquet = WriteGaussianParquet(dir.File("pair.parquet"), rows: 500, seed: 8);

        var (_, bmi) = RunMerged(dir.Path, ["mi", "bmi", sample, "2", "2", "--estimator", "ksg", "--seed", "4"]);
        var mi = CchProcess.Run(dir.Path, "mi", "--data", parquet, "--x", "x", "--y", "y*", "--estimator", "ksg", "--seed", "4", "--format", "json");

        // The same draws (the CSV holds them in round-trip form); the document rounds to 6 decimals.
        var estimate = System.Text.Json.Nodes.JsonNode.Parse(mi.StdOut)!["estimate"]!.GetValue<double>();
        Assert.Equal(estimate, double.Parse(bmi.Trim(), CultureInfo.InvariantCulture), 6);
    }

    [Theory]
    [InlineData("X0,X1,Y0,Y1\n0.5,1.0,2.0,3.0\n0.1,abc,0.2,0.3\n", "2", "2", "column 'X1', row 1: 'abc' is not a number (line 3)")]
    [InlineData("X0,X1,Y0,Y1\n0.5,1.0,2.0,3.0\n0.1,0.2,0.3\n", "2", "2", "row 1: has 3 cell(s) but the header has 4 (line 3)")]
    [InlineData("X0,X1,Y0,Y1\n0.5,1.0,2.0,3.0\n", "3", "2", "the header has 4 column(s) ('X0', 'X1', 'Y0', 'Y1') but DIM_X + DIM_Y = 3 + 2 = 5")]
    [InlineData("X0,X1,Y0,Y1\n0.5,1.0,2.0,3.0\n", "1", "3", "column 'X1': the header names X0, X1, Y0, Y1 but DIM_X = 1 and DIM_Y = 3 expect X0,Y0,…,Y2")]
    [InlineData("X0,X1,Y0,Y1\n0.5,1.0,2.0,3.0\n", "0", "4", "DIM_X 0: X needs at least one column")]
    public void Bmi_mode_rejects_a_bad_sample_with_exit_code_2_naming_file_row_and_column(string csv, string dimX, string dimY, string message)
    {
        using var dir = new TempFolder();
        var sample = dir.Write("sample.csv", csv);

        var (exitCode, output) = RunMerged(dir.Path, ["mi", "bmi", sample, dimX, dimY]);

        Assert.Equal(2, exitCode);
        Assert.StartsWith(dimX == "0" ? "error: DIM_X" : $"error: {sample}", output);
        Assert.Contains(message, output);
        Assert.DoesNotContain("System.", output);
    }

    /// <summary>
    /// Runs the built tool the way bmi does: standard error redirected into standard output
    /// (<c>2&gt;&amp;1</c>), under the 8 GiB data-segment limit bmi's Snakemake rule sets
    /// (<c>resource.setrlimit(RLIMIT_DATA, 1 &lt;&lt; 33)</c>) where the shell allows it.
    /// </summary>
    private static (int ExitCode, string Output) RunMerged(string workingDirectory, string[] args)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "dotnet-cch.dll");
        var windows = OperatingSystem.IsWindows();
        var start = new ProcessStartInfo(windows ? "cmd.exe" : "/bin/sh")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (windows)
        {
            start.ArgumentList.Add("/c");
            start.ArgumentList.Add($"dotnet exec \"{tool}\" {string.Join(' ', args.Select(a => $"\"{a}\""))} 2>&1");
        }
        else
        {
            // "$@" keeps every argument intact; ulimit -d takes KiB.
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("ulimit -d 8388608 2>/dev/null; exec dotnet exec \"$0\" \"$@\" 2>&1");
            start.ArgumentList.Add(tool);
            foreach (var a in args) start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet-cch {string.Join(' ', args)} did not finish in 2 minutes.");
        }

        return (process.ExitCode, output);
    }

    /// <summary>
    /// The CSV pandas writes for <c>DataFrame(np.hstack([x, y]), columns=[X0…, Y0…]).to_csv(path, index=False)</c>:
    /// a header, then floats as Python's <c>repr</c> (numpy's shortest round-trip digits; scientific
    /// notation below 1e-4 and from 1e16 on; <c>.0</c> on whole numbers), comma-separated, <c>\n</c> line ends.
    /// </summary>
    private static string WritePandasCsv(string path, int rows, int seed)
    {
        var (x, y) = GaussianSample(rows, seed, 2);
        var csv = new StringBuilder("X0,X1,Y0,Y1\n");
        for (var i = 0; i < rows; i++)
            csv.Append(PythonRepr(x[i, 0])).Append(',').Append(PythonRepr(x[i, 1])).Append(',')
                .Append(PythonRepr(y[i, 0])).Append(',').Append(PythonRepr(y[i, 1])).Append('\n');
        File.WriteAllText(path, csv.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    /// <summary>Python's <c>repr(float)</c>: shortest round-trip digits, positional for −4 &lt; exponent + 1 ≤ 16, else <c>d.ddde±XX</c>.</summary>
    internal static string PythonRepr(double v)
    {
        if (v == 0) return double.IsNegative(v) ? "-0.0" : "0.0";
        var r = Math.Abs(v).ToString("R", CultureInfo.InvariantCulture); // shortest round-trip, e.g. 1.2345E-05 or 123.45
        var e = r.IndexOf('E');
        var exponent = e < 0 ? 0 : int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? r : r[..e];
        var dot = mantissa.IndexOf('.');
        var digits = mantissa.Replace(".", string.Empty);
        var point = (dot < 0 ? mantissa.Length : dot) + exponent; // digits d₁d₂… × 10^(point − count)
        var lead = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        point -= lead;
        string text;
        if (point > -4 && point <= 16)
        {
            text = point <= 0 ? "0." + new string('0', -point) + digits
                : point >= digits.Length ? digits + new string('0', point - digits.Length) + ".0"
                : digits[..point] + "." + digits[point..];
        }
        else
        {
            var exp = point - 1;
            text = digits[..1] + (digits.Length > 1 ? "." + digits[1..] : string.Empty) + "e" + (exp < 0 ? "-" : "+") + Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture);
        }

        return v < 0 ? "-" + text : text;
    }

    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(-1.5e16, "-1.5e+16")]
    [InlineData(1234567890123456.0, "1234567890123456.0")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(-2.5e-300, "-2.5e-300")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    public void The_csv_writer_formats_floats_as_python_repr(double value, string expected) =>
        // Expected strings: CPython 3 repr() of the same doubles.
        Assert.Equal(expected, PythonRepr(value));
}
