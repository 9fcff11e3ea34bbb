namespace Cch.Data;

/// <summary>Whether the label Y is a class (discrete) or a real value (continuous).</summary>
public enum LabelKind
{
    /// <summary>Discrete classes from integer, string or bool columns.</summary>
    Classification,

    /// <summary>Real-valued targets from float or double columns.</summary>
    Regression,
}
