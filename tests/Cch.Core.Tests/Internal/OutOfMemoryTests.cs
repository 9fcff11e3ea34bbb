using Cch.Internal;

namespace Cch.Tests.Internal;

public sealed class OutOfMemoryTests
{
    [Fact]
    public void Running_out_of_memory_is_recognised_however_deep_it_is_wrapped()
    {
        Assert.True(OutOfMemory.Caused(new OutOfMemoryException()));
        Assert.True(OutOfMemory.Caused(new InvalidOperationException("decode", new OutOfMemoryException())));
        Assert.True(OutOfMemory.Caused(new AggregateException(new IOException(), new OutOfMemoryException())));
        Assert.False(OutOfMemory.Caused(new InvalidOperationException("decode", new IndexOutOfRangeException())));
        Assert.Contains("--max-rows", OutOfMemory.Message());
    }
}
