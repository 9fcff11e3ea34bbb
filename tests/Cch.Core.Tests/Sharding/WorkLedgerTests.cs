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

    [Fact]
    public void A_knn_term_above_twenty_thousand_rows_shards_its_disjoint_subsets_and_replays_to_the_same_result()
    {
        // 1 + 1 dimensions so that KSG on 24,000 rows (8 subsets of 3,000) stays cheap.
        var random = new Random(3);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var t = new double[24_000];
        var s = new double[24_000];
        for (var i = 0; i < t.Length; i++)
        {
            t[i] = Normal();
            s[i] = 0.6 * t[i] + 0.8 * Normal();
        }
        var data = new Cch.Data.Dataset
        {
            Teachers = [Cch.Data.FeatureMatrix.FromColumn("t", t)],
            Student = Cch.Data.FeatureMatrix.FromColumn("s", s),
            Label = Cch.Data.LabelVector.ForClasses("y", s.Select(v => v > 0 ? 1 : 0).ToArray(), ["neg", "pos"]),
            Inputs = [],
            Join = new Cch.Data.JoinSummary(null, Cch.Data.JoinMode.RowOrder, 24_000, 0, 0),
        };
        var options = new CriterionOptions { Estimator = EstimatorFamily.Ksg, Seed = 1, SelfCheck = false };
        var whole = WorkLedger.Everything();
        var single = CchCriterion.Evaluate(data, options, ledger: whole);

        // label + teacher: an estimate unit (subset 0) and 7 subset units each, no half-samples.
        Assert.Equal(2 * 8, whole.Units);
        Assert.Equal(7, whole.Computed.Count(u => u.Key.StartsWith("teacher/0/t/subset/", StringComparison.Ordinal)));
        var parts = new List<Cch.Sharding.UnitResult>();
        for (var i = 0; i < 3; i++)
        {
            var ledger = WorkLedger.ForShard(new ShardSpec(i, 3));
            CchCriterion.ComputeShare(data, options, ledger);
            parts.AddRange(ledger.Computed);
        }

        var merged = CchCriterion.Evaluate(data, options, ledger: WorkLedger.Replay(parts));
        Assert.Equal(single.Best.Delta, merged.Best.Delta);
        Assert.Equal(single.Best.TeacherStudent.Value, merged.Best.TeacherStudent.Value);
        Assert.Equal(Cch.Estimators.IntervalMethods.DisjointSubsets, merged.Best.TeacherStudent.IntervalMethod);
    }
}
