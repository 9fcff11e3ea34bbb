using Cch.Data;
using Cch.Reports;

namespace Cch.Tests.Reports;

public sealed class LabelKindWarningsTests
{
    [Fact]
    public void A_float_label_with_few_values_gets_a_warning_whole_or_not()
    {
        var whole = LabelVector.ForValues("y", [1, 2, 3, 1, 2, 3]);
        var halves = LabelVector.ForValues("y", [0.5, 1.5, 2.5, 0.5, 1.5, 2.5]);
        var many = LabelVector.ForValues("y", Enumerable.Range(0, 100).Select(i => i * 0.37).ToArray());

        Assert.Contains("3 distinct whole numbers", Assert.Single(ReportBuilder.LabelKindWarnings(whole)));
        Assert.Contains("only 3 distinct values. If they are classes, store them as integers or strings", Assert.Single(ReportBuilder.LabelKindWarnings(halves)));
        Assert.Empty(ReportBuilder.LabelKindWarnings(many));
    }
}
