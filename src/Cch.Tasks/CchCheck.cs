using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Cch.Tasks
{
    /// <summary>Runs <c>dotnet cch check</c> out of process and maps its outcome to CCH001–CCH004.</summary>
    public sealed class CchCheck : ToolTask
    {
        /// <summary>The cch.json config.</summary>
        [Required] public string ConfigFile { get; set; } = "";
        /// <summary>Where the tool writes its JSON report.</summary>
        [Required] public string ReportPath { get; set; } = "";
        /// <summary>fail | inconclusive.</summary>
        public string FailOn { get; set; } = "fail";
        /// <summary>criterion | verified | both.</summary>
        public string Gate { get; set; } = "criterion";
        /// <summary>dotnet-cch apphost or dotnet-cch.dll; empty: <c>dotnet cch</c> (local manifest or global tool).</summary>
        public string? CchToolPath { get; set; }
        /// <summary>Written on completion: the input files the tool read (for the target's Inputs).</summary>
        public string? InputsFile { get; set; }

        private readonly List<string> _stderr = new List<string>();

        /// <inheritdoc />
        protected override string ToolName => "dotnet-cch";

        private bool RunsDll => !string.IsNullOrEmpty(CchToolPath) && CchToolPath!.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);

        /// <inheritdoc />
        protected override string GenerateFullPathToTool()
        {
            if (!string.IsNullOrEmpty(CchToolPath) && !RunsDll) return CchToolPath!;
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return string.IsNullOrEmpty(host) ? "dotnet" : host!;
        }

        /// <inheritdoc />
        protected override string GenerateCommandLineCommands()
        {
            var b = new CommandLineBuilder();
            if (RunsDll) { b.AppendSwitch("exec"); b.AppendFileNameIfNotNull(CchToolPath); }
            else if (string.IsNullOrEmpty(CchToolPath)) b.AppendSwitch("cch");
            b.AppendSwitch("check");
            b.AppendSwitchIfNotNull("--config ", ConfigFile);
            b.AppendSwitchIfNotNull("--report ", ReportPath);
            b.AppendSwitchIfNotNull("--fail-on ", FailOn);
            b.AppendSwitchIfNotNull("--gate ", Gate);
            return b.ToString();
        }

        /// <inheritdoc />
        protected override MessageImportance StandardOutputLoggingImportance => MessageImportance.Low;

        /// <inheritdoc />
        protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
        {
            // Never let MSBuild's canonical-error parser turn the tool's lines into errors; we map them ourselves.
            if (messageImportance == StandardErrorLoggingImportance) _stderr.Add(singleLine);
            Log.LogMessage(MessageImportance.Low, singleLine);
        }

        /// <inheritdoc />
        protected override bool HandleTaskExecutionErrors() => !Log.HasLoggedErrors; // suppress MSB6006

        /// <inheritdoc />
        public override bool Execute()
        {
            if (File.Exists(ReportPath)) File.Delete(ReportPath); // a stale report must not be read
            base.Execute();
            var code = ExitCode;
            if (code == (int)ExitCodes.Success || code == (int)ExitCodes.GateFailed)
            {
                var report = GateReport.Read(ReportPath);
                if (report == null) { Error("CCH003", NoReport(code)); return false; }
                // The tool's exit code already applies the gate to the best-ranked teacher; map it to a coded diagnostic.
                var best = report.Teachers?.FirstOrDefault();
                var d = best?.Delta;
                var text = FormattableString.Invariant($"teacher '{best?.Name}': Δ = {d?.Value:0.000} nats, {report.DeltaLevel * 100:0.##}% interval [{d?.CiLow:0.000}, {d?.CiHigh:0.000}]");
                var outcome = best?.Verification?.Outcome;
                if (code == (int)ExitCodes.GateFailed)
                {
                    if (Gate != "criterion" && outcome != null && outcome != "kd-helps")
                        Error("CCH004", $"verification: distillation from teacher '{best?.Name}' {(outcome == "kd-hurts" ? "hurts" : "does not measurably help")} the student ({outcome}); gate {Gate}");
                    else if (best?.Verdict == "inconclusive")
                        Error("CCH002", Inconclusive(best, text));
                    else
                        Error("CCH001", "CCH criterion violated: " + text + " lies below the margin: distillation from this teacher should not help");
                }
                else
                {
                    if (best?.Verdict != "inconclusive")
                        Log.LogMessage(MessageImportance.High, $"Cch: {best?.Verdict ?? report.Verdict} — {text} (report: {ReportPath})");
                    if (best?.Verdict == "inconclusive")
                        Log.LogWarning(null, "CCH002", null, ConfigFile, 0, 0, 0, 0, Inconclusive(best, text));
                    if (outcome == "kd-hurts")
                        Log.LogWarning(null, "CCH004", null, ConfigFile, 0, 0, 0, 0, $"verification: distillation from teacher '{best?.Name}' hurts the student");
                }

                if (InputsFile != null)
                    File.WriteAllLines(InputsFile, (report.Inputs ?? new List<GateReport.Input>()).Select(i => i.Path ?? "").Where(p => p.Length > 0));
            }
            else
            {
                var msg = string.Join(Environment.NewLine, _stderr.Where(l => l.StartsWith("error:", StringComparison.Ordinal)).Select(l => l.Substring(6).Trim()));
                if (msg.Length == 0) msg = string.Join(Environment.NewLine, _stderr);
                Error("CCH003", $"Cch could not check (exit code {code}): {msg}");
            }
            return !Log.HasLoggedErrors;
        }

        /// <summary>
        /// CCH003 when the tool wrote no report: usually `dotnet cch` could not start it (the local tool was never
        /// restored), so the message says what to run and quotes what the tool or dotnet printed.
        /// </summary>
        private string NoReport(int code)
        {
            var said = string.Join(" ", _stderr.Where(l => l.Trim().Length > 0).Take(5).Select(l => l.Trim()));
            var saidRestore = said.IndexOf("tool restore", StringComparison.OrdinalIgnoreCase) >= 0;
            if (!RunsDll && saidRestore)
                return $"the Cch tool is not restored: run `dotnet tool restore` (the project's tool manifest names Cch.Tool), then build again. dotnet said: {said}";
            var restore = !RunsDll && string.IsNullOrEmpty(CchToolPath)
                ? " If the Cch tool is not installed, run `dotnet tool restore` (with a tool manifest naming Cch.Tool) or `dotnet tool install --global Cch.Tool`."
                : "";
            return $"the Cch tool exited with code {code} but wrote no readable report at {ReportPath}.{restore}" + (said.Length > 0 ? $" It said: {said}" : "");
        }

        /// <summary>CCH002's message, with the report's reason (docs/criterion.md#robust-verdicts).</summary>
        private static string Inconclusive(GateReport.Teacher best, string text) => best.Reason switch
        {
            "estimator-unreliable-here" => $"CCH criterion inconclusive (estimator-unreliable-here): {text}: an estimator's self-check shows it unreliable at these dimensions and N, or its measured bias could carry Δ across the margin (see the report's warnings)",
            "estimators-disagree" => $"CCH criterion inconclusive (estimators-disagree): {text}: estimators that passed the self-check put Δ on both sides of the margin (see the report's estimatorDeltas)",
            _ => $"CCH criterion inconclusive: {text} contains the margin",
        };

        private void Error(string code, string message) =>
            Log.LogError(null, code, null, ConfigFile, 0, 0, 0, 0, message);
    }
}
