namespace Cch.Data;

/// <summary>The <c>--task</c> option: detect from the label column's type, or force one.</summary>
public enum TaskKind
{
    /// <summary>Integer, string and bool labels are classes; float and double labels are regression targets.</summary>
    Auto,

    /// <summary>Treat the label as classes (float labels must then hold whole numbers).</summary>
    Classification,

    /// <summary>Treat the label as a real-valued target (integers are read as numbers; strings are an error).</summary>
    Regression,
}
