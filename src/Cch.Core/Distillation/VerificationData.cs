using Cch.Data;

namespace Cch.Distillation;

/// <summary>
/// The rows a verification trains and tests on, for one teacher. Training rows are split again
/// per seed into fit and validation parts; test rows are only ever used for the final metrics.
/// Either <see cref="TeacherTrain"/>/<see cref="TeacherTest"/> (representations to train a
/// teacher MLP on) or <see cref="TeacherLogitsTrain"/> (precomputed teacher outputs) is set.
/// </summary>
public sealed record VerificationData
{
    /// <summary>Teacher name (its column spec).</summary>
    public required string TeacherName { get; init; }

    /// <summary>H_t on the training rows (N_train×d_t), or <c>null</c> when teacher logits are given.</summary>
    public FeatureMatrix? TeacherTrain { get; init; }

    /// <summary>H_t on the test rows (N_test×d_t), or <c>null</c> when teacher logits are given.</summary>
    public FeatureMatrix? TeacherTest { get; init; }

    /// <summary>Teacher outputs on the training rows (N_train×C logits, or N_train×1 predictions for regression), or <c>null</c>.</summary>
    public FeatureMatrix? TeacherLogitsTrain { get; init; }

    /// <summary>H_s on the training rows (N_train×d_s).</summary>
    public required FeatureMatrix StudentTrain { get; init; }

    /// <summary>H_s on the test rows (N_test×d_s).</summary>
    public required FeatureMatrix StudentTest { get; init; }

    /// <summary>Y on the training rows.</summary>
    public required LabelVector LabelTrain { get; init; }

    /// <summary>Y on the test rows (same classes and class indices as <see cref="LabelTrain"/>).</summary>
    public required LabelVector LabelTest { get; init; }
}
