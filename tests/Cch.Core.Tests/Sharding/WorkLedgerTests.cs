using Cch.Criterion;
using Cch.Examples;
using Cch.Sharding;

namespace Cch.Tests.Sharding;

/// <summary>The criterion's units through the ledger: a partition over the shards, and the same numbers as one run.</summary>
public sealed class WorkLedgerTests
{
    private static readonly CriterionOptions Options = new() { Replicates = 4, Seed = 5 };

    [Fact]
    public void Shards_1_to_5_compute_every_unit_exactly_once_with_the_values_of_one_run()
    {
        var data = GaussianExample.Create(300, seed: 5).Data;
        var whole = WorkLedger.Everything();
        CchCriterion.Evaluate(data, Options, ledger: whole);
        var expected = whole.Computed.ToDictionary(u => u.Key);
        // label + 2 teachers, each an estimate and 4 half-samples under auto (half-sampled here).
        Assert.Equal(whole.Units, expected.Count);
        Assert.Equal(3 * (1 + Options.Replicates), expected.Count);

        for (var n = 1; n <= 5; n++)
        {
            var seen = new Dictionary<string, int>();
            for (var i = 0; i < n; i++)
            {
                var ledger = WorkLedger.ForShard(new ShardSpec(i, n));
                CchCriterion.ComputeShare(data, Options, ledger);
                Assert.Equal(whole.Units, ledger.Units);
                foreach (var unit in ledger.Computed)
                {
                    Assert.Equal(i, unit.Position % n);
                    seen[unit.Key] = seen.GetValueOrDefault(unit.Key) + 1;
                    var single = expected[unit.Key];
                    Assert.Equal(single.Position, unit.Position);
                    Assert.Equal(single.Estimate.Value, unit.Estimate.Value); // bit for bit
                    Assert.Equal(single.Check is null, unit.Check is null);
                    if (single.Check is { } c)
                    {
                        Assert.Equal((c.Known, c.Estimate, c.Dimensions), (unit.Check!.Known, unit.Check.Estimate, unit.Check.Dimensions));
                        Assert.Equal(c.Components, unit.Check.Components);
                    }
                }
            }

            Assert.Equal(expected.Keys.Order(), seen.Keys.Order());
            Assert.All(seen, s => Assert.Equal(1, s.Value));
        }
    }

    [Fact]
    public void The_estimates_of_each_term_come_first_so_round_robin_spreads_them()
    {
        var data = GaussianExample.Create(300, seed: 5).Data;
        var whole = WorkLedger.Everything();
        CchCriterion.Evaluate(data, Options, ledger: whole);

        Assert.Equal(["label/estimate", "teacher/0/aligned/estimate", "teacher/1/label-only/estimate"], whole.Computed.Take(3).Select(u => u.Key));
        Assert.All(whole.Computed.Skip(3), u => Assert.Contains("/half-sample/", u.Key));
        Assert.Equal(Enumerable.Range(0, whole.Units), whole.Computed.Select(u => u.Position));
    }

    [Fact]
    public void A_replay_of_one_runs_units_gives_the_same_result()
    {
        var data = GaussianExample.Create(300, seed: 5).Data;
        var whole = WorkLedger.Everything();
        var single = CchCriterion.Evaluate(data, Options, ledger: whole);

        var replayed = CchCriterion.Evaluate(data, Options, ledger: WorkLedger.Replay(whole.Computed));

        Assert.Equal(
            single.Teachers.Select(t => (t.Name, t.Delta, t.Verdict, t.TeacherStudent.Value, t.StudentLabel.Value, t.WrongSignProbability, t.BestProbability)),
            replayed.Teachers.Select(t => (t.Name, t.Delta, t.Verdict, t.TeacherStudent.Value, t.StudentLabel.Value, t.WrongSignProbability, t.BestProbability)));
    }

    [Fact]
    public void A_replay_refuses_units_of_another_plan()
    {
        var data = GaussianExample.Create(300, seed: 5).Data;
        var whole = WorkLedger.Everything();
        CchCriterion.Evaluate(data, Options, ledger: whole);

        // Fewer replicates: the parts hold half-samples this run does not have.
        var fewer = Assert.Throws<CchInputException>(() => CchCriterion.Evaluate(data, Options with { Replicates = 3 }, ledger: WorkLedger.Replay(whole.Computed)));
        Assert.Contains("this run's plan", fewer.Message);
        // A unit missing.
        var missing = Assert.Throws<CchInputException>(() => CchCriterion.Evaluate(data, Options, ledger: WorkLedger.Replay(whole.Computed.Skip(1))));
        Assert.Contains("no result for unit 'label/estimate'", missing.Message);
        // A unit twice.
        Assert.Throws<CchInputException>(() => WorkLedger.Replay(whole.Computed.Append(whole.Computed[0])));
    }
}
