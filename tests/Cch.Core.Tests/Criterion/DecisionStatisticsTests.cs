using Cch.Criterion;

namespace Cch.Tests.Criterion;

/// <summary>
/// The probability of a wrong sign, Bonferroni levels and the probability of being the best teacher.
/// Truths: Φ(−2) = 0.0227501 (standard normal table), the Cauchy CDF ½ + atan(x)/π (Student's t with
/// one degree of freedom), and P(A &gt; B) = Φ((μ_A − μ_B)/√(σ_A² + σ_B²)) for two independent normals.
/// </summary>
public sealed class DecisionStatisticsTests
{
    [Fact]
    public void Wrong_sign_probability_is_the_normal_tail_beyond_the_margin()
    {
        Assert.Equal(0.0227501, new DeltaDistribution(1.0, 0.5, null).WrongSignProbability(0), 6);
        Assert.Equal(0.0227501, new DeltaDistribution(-1.0, 0.5, null).WrongSignProbability(0), 6);
        // Measured from the margin: Δ̂ = 1.2, margin 0.2 is the same distance as above.
        Assert.Equal(0.0227501, new DeltaDistribution(1.2, 0.5, null).WrongSignProbability(0.2), 6);
    }

    [Fact]
    public void Wrong_sign_probability_with_t_uses_its_degrees_of_freedom()
    {
        // ν = 1 is the Cauchy distribution: P(T < −2) = ½ − atan(2)/π.
        Assert.Equal(0.5 - Math.Atan(2) / Math.PI, new DeltaDistribution(2.0, 1.0, 1).WrongSignProbability(0), 9);
    }

    [Fact]
    public void Wrong_sign_probability_edge_cases()
    {
        Assert.Equal(0.5, new DeltaDistribution(0.3, 0.1, null).WrongSignProbability(0.3));
        Assert.Equal(0.0, new DeltaDistribution(0.3, 0.0, null).WrongSignProbability(0));
    }

    [Fact]
    public void Interval_is_the_estimate_plus_minus_the_quantile_times_the_standard_error()
    {
        var normal = new DeltaDistribution(1.0, 0.1, null).Interval(0.95);
        Assert.Equal(1 - 0.1959964, normal.CiLow, 6);
        Assert.Equal(1 + 0.1959964, normal.CiHigh, 6);
        // t with one degree of freedom: the 97.5 % quantile is tan(π(0.975 − ½)) = 12.7062.
        var cauchy = new DeltaDistribution(0.0, 1.0, 1).Interval(0.95);
        Assert.Equal(Math.Tan(Math.PI * 0.475), cauchy.CiHigh, 6);
    }

    [Theory]
    [InlineData(0.95, 1, 0.95)]
    [InlineData(0.95, 2, 0.975)]
    [InlineData(0.95, 5, 0.99)]
    [InlineData(0.9, 4, 0.975)]
    public void Simultaneous_level_is_bonferroni(double level, int teachers, double expected) =>
        Assert.Equal(expected, TeacherSelection.SimultaneousLevel(level, teachers), 12);

    [Fact]
    public void Best_probabilities_of_two_teachers_match_the_normal_difference()
    {
        // Φ(0.1/√0.02) = Φ(0.70711) = 0.76025; Monte Carlo SD √(p(1−p)/20000) ≈ 0.003 → tolerance 0.015.
        var p = TeacherSelection.BestProbabilities([1.1, 1.0], [0.1, 0.1], seed: 3);
        Assert.InRange(p[0], 0.76025 - 0.015, 0.76025 + 0.015);
        Assert.Equal(1.0, p.Sum(), 12);
        Assert.Equal(p, TeacherSelection.BestProbabilities([1.1, 1.0], [0.1, 0.1], seed: 3));
    }

    [Fact]
    public void Best_probabilities_single_and_certain_cases()
    {
        Assert.Equal([1.0], TeacherSelection.BestProbabilities([0.4], [0.1], seed: 0));
        var p = TeacherSelection.BestProbabilities([5.0, 1.0, 0.0], [0.0, 0.0, 0.0], seed: 0);
        Assert.Equal([1.0, 0.0, 0.0], p);
    }
}
