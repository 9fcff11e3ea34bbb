using Cch.Tool.Help;

namespace Cch.Tool.Commands;

/// <summary><c>dotnet cch check --help</c>: the options in groups, and worked examples.</summary>
internal static partial class CheckCommand
{
    private static HelpLayout Layout(bool verify) => new(
        [
            ("Inputs", [Config, Example, Data, Teacher, Student, Label, Key, Join, Where, Task, MaxRows]),
            ("Degrading and encoding the inputs", [StudentBlur, ImageShape, TeacherEncoder, StudentEncoder, Output, InputShape, InputScale, EncoderBatchSize]),
            ("Criterion", [Estimator, LabelEstimator, K, Seed, Margin, Confidence, Replicates, NoSelfCheck, FailOn]),
            ("Output", [Report, Html, Format]),
            (verify ? "Verification: training with and without distillation" : "Verification (--verify): training with and without distillation",
                [Verify, TestWhere, TeacherLogits, Hidden, LearningRate, BatchSize, MaxEpochs, Patience, Seeds, MinEffect, ParallelSeeds, Temperature, Lambda, ValidationFraction, TestFraction, Gate]),
            ("Compute and scale", [Threads, Device, Shard]),
        ],
        verify
            ?
            [
                ("dotnet cch verify --data handwritten.parquet --teacher fac216 --student zer47 --label label --where split=train --test-where split=test",
                    "The criterion, then 5 seeds of the student with and without distillation from the teacher, scored on the split=test rows."),
                ("dotnet cch verify --config cch.json --seeds auto --gate both",
                    "Options from cch.json; seeds added until the outcome is decided; the exit code needs both a pass and a measured gain."),
            ]
            :
            [
                ("dotnet cch check --example gaussian",
                    "The paper's joint-Gaussian model, generated in-process: one teacher passes, one fails, beside the exact values."),
                ("dotnet cch check --data reps.parquet --teacher image_emb --student audio_emb --label label --report cch-report.json",
                    "Representation dumps in one Parquet file; exit code 0 pass, 1 fail, 2 input error; the JSON report for CI."),
                ("dotnet cch check --data mnist.parquet --teacher pixels --student pixels --student-blur 2 --image-shape 28,28 --label label",
                    "The paper's MNIST setting: clean pixels as the teacher, the same digits blurred (σ = 2 pixels) as the student."),
                ("dotnet cch check --teacher teacher.parquet:emb --student student.parquet:emb --label labels.parquet:y --key id --verify",
                    "Three files joined on the id column, and the prediction tested by training (see also dotnet cch verify)."),
            ]);
}
