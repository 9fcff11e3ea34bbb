using Cch.Sharding;

namespace Cch.Tests.Sharding;

public sealed class ShardSpecTests
{
    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("0/4", 0, 4)]
    [InlineData("3/4", 3, 4)]
    [InlineData(" 2 / 5 ", 2, 5)]
    public void Parses_a_zero_based_index_and_a_count(string text, int index, int count)
    {
        var spec = ShardSpec.Parse(text);

        Assert.Equal(new ShardSpec(index, count), spec);
        Assert.Equal($"{index}/{count}", spec.ToString());
    }

    [Theory]
    [InlineData("3/2", "0/2 … 1/2")]
    [InlineData("2/2", "0/2 … 1/2")]
    [InlineData("-1/2", "numbered from 0")]
    [InlineData("1/1", "give 0/1")]
    [InlineData("0/0", "at least 1")]
    [InlineData("0/-3", "at least 1")]
    [InlineData("a/b", "INDEX/COUNT")]
    [InlineData("1", "INDEX/COUNT")]
    [InlineData("1/2/3", "INDEX/COUNT")]
    [InlineData("", "INDEX/COUNT")]
    [InlineData("1.5/4", "INDEX/COUNT")]
    public void Refuses_specs_outside_0_to_count_minus_1_with_a_message_that_says_how(string text, string hint)
    {
        var e = Assert.Throws<CchInputException>(() => ShardSpec.Parse(text));

        Assert.Contains($"--shard '{text}'", e.Message);
        Assert.Contains(hint, e.Message);
    }

    [Fact]
    public void Shards_of_one_run_own_every_position_exactly_once()
    {
        for (var n = 1; n <= 5; n++)
            for (var p = 0; p < 50; p++)
                Assert.Single(Enumerable.Range(0, n), i => new ShardSpec(i, n).Owns(p));
    }
}
