using Cch.Criterion;
using Cch.Distillation;

namespace Cch.Tests.Criterion;

public sealed class GatePolicyTests
{
    [Theory]
    [InlineData(0.10, 0.30, 0.0, Verdict.Pass)]
    [InlineData(-0.30, -0.10, 0.0, Verdict.Fail)]
    [InlineData(-0.10, 0.10, 0.0, Verdict.Inconclusive)]
    [InlineData(0.10, 0.30, 0.2, Verdict.Inconclusive)]
    [InlineData(0.10, 0.30, 0.5, Verdict.Fail)]
    [InlineData(0.10, 0.30, -0.5, Verdict.Pass)]
    public void The_verdict_depends_on_where_the_interval_lies_relative_to_the_margin(double low, double high, double margin, Verdict expected)
    {
        var verdict = GatePolicy.Decide(new IntervalEstimate((low + high) / 2, low, high), margin);

        Assert.Equal(expected, verdict);
    }

    [Theory]
    [InlineData(Verdict.Pass, FailOn.Fail, 0)]
    [InlineData(Verdict.Inconclusive, FailOn.Fail, 0)]
    [InlineData(Verdict.Fail, FailOn.Fail, 1)]
    [InlineData(Verdict.Pass, FailOn.Inconclusive, 0)]
    [InlineData(Verdict.Inconclusive, FailOn.Inconclusive, 1)]
    [InlineData(Verdict.Fail, FailOn.Inconclusive, 1)]
    public void Exit_codes_follow_the_fail_on_policy(Verdict verdict, FailOn failOn, int expected)
    {
        Assert.Equal(expected, GatePolicy.ExitCode(verdict, failOn));
    }

    [Theory]
    [InlineData(Verdict.Pass, Gate.Criterion, KdOutcome.Undetermined, 0)]
    [InlineData(Verdict.Fail, Gate.Criterion, KdOutcome.KdHelps, 1)]
    [InlineData(Verdict.Fail, Gate.Verified, KdOutcome.KdHelps, 0)]
    [InlineData(Verdict.Pass, Gate.Verified, KdOutcome.Equivalent, 1)]
    [InlineData(Verdict.Pass, Gate.Verified, KdOutcome.KdHurts, 1)]
    [InlineData(Verdict.Pass, Gate.Both, KdOutcome.KdHelps, 0)]
    [InlineData(Verdict.Pass, Gate.Both, KdOutcome.Undetermined, 1)]
    [InlineData(Verdict.Fail, Gate.Both, KdOutcome.KdHelps, 1)]
    public void The_gate_decides_which_result_the_exit_code_follows(Verdict verdict, Gate gate, KdOutcome outcome, int expected)
    {
        Assert.Equal(expected, GatePolicy.ExitCode(verdict, FailOn.Fail, gate, outcome));
    }

    [Theory]
    [InlineData(Verdict.Pass, KdOutcome.KdHelps, Agreement.Agree)]
    [InlineData(Verdict.Pass, KdOutcome.KdHurts, Agreement.Disagree)]
    [InlineData(Verdict.Pass, KdOutcome.Equivalent, Agreement.Disagree)]
    [InlineData(Verdict.Pass, KdOutcome.Undetermined, Agreement.Undecided)]
    [InlineData(Verdict.Fail, KdOutcome.KdHurts, Agreement.Agree)]
    [InlineData(Verdict.Fail, KdOutcome.Equivalent, Agreement.Agree)]
    [InlineData(Verdict.Fail, KdOutcome.KdHelps, Agreement.Disagree)]
    [InlineData(Verdict.Fail, KdOutcome.Undetermined, Agreement.Undecided)]
    [InlineData(Verdict.Inconclusive, KdOutcome.KdHelps, Agreement.Undecided)]
    [InlineData(Verdict.Inconclusive, KdOutcome.KdHurts, Agreement.Undecided)]
    [InlineData(Verdict.Inconclusive, KdOutcome.Equivalent, Agreement.Undecided)]
    [InlineData(Verdict.Inconclusive, KdOutcome.Undetermined, Agreement.Undecided)]
    // Legacy reports: "no-difference" could mean too few seeds, so it decides nothing (it used to count as agreement with fail).
    [InlineData(Verdict.Fail, KdOutcome.NoDifference, Agreement.Undecided)]
    [InlineData(Verdict.Pass, KdOutcome.NoDifference, Agreement.Undecided)]
    public void Agreement_follows_what_the_hypothesis_predicts(Verdict verdict, KdOutcome outcome, Agreement expected)
    {
        Assert.Equal(expected, AgreementRule.Of(verdict, outcome));
    }
}
