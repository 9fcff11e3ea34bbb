using Cch.Neural;
using static TorchSharp.torch;

namespace Cch.Tests.Neural;

/// <summary>Truth: the session's contract: the thread count is set inside and restored after, even when the body throws.</summary>
[Collection(TorchCollection.Name)]
public sealed class TorchSessionTests
{
    public TorchSessionTests() => TorchCollection.Ready();

    [Fact]
    public void Sets_the_thread_count_inside_and_restores_it_after_a_throw()
    {
        var before = get_num_threads();
        var inside = TorchSession.Run(2, get_num_threads);
        Assert.Throws<InvalidOperationException>(() => TorchSession.Run<int>(2, () => throw new InvalidOperationException()));

        Assert.Equal(2, inside);
        Assert.Equal(before, get_num_threads());
        Assert.Throws<ArgumentOutOfRangeException>(() => TorchSession.Run(0, () => 0));
    }
}
