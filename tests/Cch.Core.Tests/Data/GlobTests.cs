using Cch.Data.Parquet;

namespace Cch.Tests.Data;

public sealed class GlobTests
{
    [Theory]
    [InlineData("mrna_*", "mrna_000", true)]
    [InlineData("mrna_*", "mrna_", true)]
    [InlineData("mrna_*", "mirna_000", false)]
    [InlineData("*_00?", "protein_001", true)]
    [InlineData("*_00?", "protein_0010", false)]
    [InlineData("a*b*c", "aXbYbZc", true)]
    [InlineData("a*b*c", "aXbYbZ", false)]
    [InlineData("*", "", true)]
    [InlineData("MRNA_*", "mrna_000", false)]
    public void Star_and_question_mark_match_whole_case_sensitive_names(string pattern, string name, bool expected) =>
        Assert.Equal(expected, Glob.IsMatch(pattern, name));
}
