using Cch.Neural;

namespace Cch.Tests.Neural;

/// <summary>
/// Test classes that run libtorch share this collection, so they run one after another: libtorch's
/// generator and thread count are process-wide, and the memory test must not see another test's tensors.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TorchCollection
{
    public const string Name = "libtorch";

    /// <summary>Loads libtorch (idempotent); call before any TorchSharp use.</summary>
    public static void Ready() => TorchRuntime.Require();
}
