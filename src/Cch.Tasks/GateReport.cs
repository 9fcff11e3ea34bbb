using System.Collections.Generic;
using System.IO;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;

namespace Cch.Tasks
{
    /// <summary>
    /// The part of the JSON report (<c>schemas/cch-report.schema.json</c>) the MSBuild gate reads: verdicts, the best
    /// teacher's Δ and interval, the verification outcome and the input paths. The task targets netstandard2.0 and
    /// loads nothing beyond MSBuild, so it reads with DataContractJsonSerializer rather than Cch.Core's report types;
    /// this file is linked into Cch.Core.Tests, which checks it against reports the tool writes (GateReportTests).
    /// </summary>
    [DataContract]
    internal sealed class GateReport
    {
        /// <summary>The overall verdict: <c>pass</c>, <c>fail</c> or <c>inconclusive</c>.</summary>
        [DataMember(Name = "verdict")] public string? Verdict { get; set; }

        /// <summary>Teachers by rank (best first).</summary>
        [DataMember(Name = "teachers")] public List<Teacher>? Teachers { get; set; }

        /// <summary>The files the tool read.</summary>
        [DataMember(Name = "inputs")] public List<Input>? Inputs { get; set; }

        /// <summary>The interval settings.</summary>
        [DataMember(Name = "interval")] public IntervalSettings? Interval { get; set; }

        /// <summary>The intervals' confidence level (0.95 when absent).</summary>
        public double Level => Interval?.Level ?? 0.95;

        /// <summary>The level of each teacher's Δ interval: above <see cref="Level"/> with several teachers (Bonferroni).</summary>
        public double DeltaLevel => Interval?.DeltaLevel ?? Level;

        /// <summary>Reads a report, or returns null when there is no file.</summary>
        /// <exception cref="SerializationException">The file is not a report.</exception>
        public static GateReport? Read(string path)
        {
            if (!File.Exists(path)) return null;
            using (var stream = File.OpenRead(path))
                return (GateReport?)new DataContractJsonSerializer(typeof(GateReport)).ReadObject(stream);
        }

        /// <summary><c>interval</c>: the confidence level.</summary>
        [DataContract]
        internal sealed class IntervalSettings
        {
            /// <summary>The nominal level of every interval.</summary>
            [DataMember(Name = "level")] public double Level { get; set; }

            /// <summary>The level of each Δ interval (absent in reports older than the Bonferroni adjustment).</summary>
            [DataMember(Name = "deltaLevel")] public double? DeltaLevel { get; set; }
        }

        /// <summary>One of <c>inputs</c>.</summary>
        [DataContract] internal sealed class Input { [DataMember(Name = "path")] public string? Path { get; set; } }

        /// <summary>One of <c>teachers</c>.</summary>
        [DataContract]
        internal sealed class Teacher
        {
            /// <summary>The teacher's column spec.</summary>
            [DataMember(Name = "name")] public string? Name { get; set; }

            /// <summary><c>pass</c>, <c>fail</c> or <c>inconclusive</c>.</summary>
            [DataMember(Name = "verdict")] public string? Verdict { get; set; }

            /// <summary>Why an inconclusive verdict is inconclusive (kebab-case), or null.</summary>
            [DataMember(Name = "reason")] public string? Reason { get; set; }

            /// <summary>Δ in nats with its interval.</summary>
            [DataMember(Name = "delta")] public Estimate? Delta { get; set; }

            /// <summary>The measured effect of distillation, when verified.</summary>
            [DataMember(Name = "verification")] public Verification? Verification { get; set; }
        }

        /// <summary>An estimate in nats with its interval.</summary>
        [DataContract]
        internal sealed class Estimate
        {
            /// <summary>The point estimate.</summary>
            [DataMember(Name = "estimate")] public double Value { get; set; }

            /// <summary>The interval's lower end.</summary>
            [DataMember(Name = "ciLow")] public double CiLow { get; set; }

            /// <summary>The interval's upper end.</summary>
            [DataMember(Name = "ciHigh")] public double CiHigh { get; set; }
        }

        /// <summary><c>verification</c>: the measured outcome (<c>kd-helps</c>, <c>kd-hurts</c>, <c>equivalent</c>, <c>undetermined</c>).</summary>
        [DataContract] internal sealed class Verification { [DataMember(Name = "outcome")] public string? Outcome { get; set; } }
    }
}
