using Cch.Checking;
using Cch.Data;

namespace Cch.Tests.Checking;

public sealed class VerificationInputsTests
{
    [Fact]
    public void The_test_split_is_disjoint_complete_stratified_and_seeded()
    {
        // 60 rows of class 0 and 40 of class 1: a stratified 20% split holds out 12 and 8.
        var classes = Enumerable.Range(0, 100).Select(i => i < 60 ? 0 : 1).ToArray();
        var label = LabelVector.ForClasses("y", classes, ["a", "b"]);

        var (kept, held) = VerificationInputs.Split(100, 0.2, seed: 3, label);
        var again = VerificationInputs.Split(100, 0.2, seed: 3, label);
        var other = VerificationInputs.Split(100, 0.2, seed: 4, label);

        Assert.Empty(kept.Intersect(held));
        Assert.Equal(Enumerable.Range(0, 100), kept.Concat(held).Order());
        Assert.Equal(12, held.Count(i => classes[i] == 0));
        Assert.Equal(8, held.Count(i => classes[i] == 1));
        Assert.Equal(held, again.Held);
        Assert.NotEqual(held, other.Held);
    }

    [Fact]
    public void Test_labels_get_the_training_class_indices()
    {
        var train = LabelVector.ForClasses("y", [0, 1, 2, 0], ["Basal", "Her2", "LumA"]);
        var test = LabelVector.ForClasses("y", [0, 1, 1], ["Basal", "LumA"]); // Her2 absent from the test rows

        var (_, aligned) = VerificationInputs.AlignClasses(train, test);

        Assert.Equal(["Basal", "Her2", "LumA"], aligned.ClassNames!);
        Assert.Equal([0, 2, 2], aligned.Classes!);
    }

    [Fact]
    public void A_test_class_never_seen_in_training_is_an_input_error()
    {
        var train = LabelVector.ForClasses("y", [0, 1], ["AD", "NC"]);
        var test = LabelVector.ForClasses("y", [0, 1], ["AD", "MCI"]);

        var error = Assert.Throws<CchInputException>(() => VerificationInputs.AlignClasses(train, test));

        Assert.Contains("'MCI'", error.Message);
    }
}
