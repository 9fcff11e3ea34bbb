using Cch.Data;

namespace Cch.Encoders;

/// <summary>
/// Blurs the student representation as images before anything is estimated or trained
/// (<c>--student-blur SIGMA --image-shape H,W</c>): each row holds one H×W image stored row-major
/// (e.g. MNIST's 784 pixels as 28×28), blurred with an isotropic Gaussian of standard deviation
/// <see cref="Sigma"/> pixels. This degrades a view on purpose, as in the CCH paper's MNIST
/// experiment. The student may then name the same column as a teacher.
/// </summary>
/// <param name="Sigma">Standard deviation of the Gaussian in pixels (σ ≥ 0; 0 leaves the images unchanged).</param>
/// <param name="Height">Image height H in pixels.</param>
/// <param name="Width">Image width W in pixels.</param>
public sealed record ImageBlur(double Sigma, int Height, int Width)
{
    /// <summary>
    /// The blur a command line asks for: none without σ; otherwise σ ≥ 0 and <paramref name="shape"/> "H,W".
    /// </summary>
    /// <param name="sigma">σ in pixels, or <c>null</c> for no blur.</param>
    /// <param name="shape">The <c>--image-shape</c> text, e.g. <c>28,28</c>.</param>
    /// <param name="option">The blur option, for messages (<c>--student-blur</c>, <c>--blur</c>).</param>
    /// <exception cref="CchInputException">A shape without σ, σ negative or not finite, or a shape that is not two positive integers.</exception>
    public static ImageBlur? From(double? sigma, string? shape, string option)
    {
        if (sigma is not { } s)
            return shape is null ? null : throw new CchInputException($"--image-shape only applies with {option} (an encoder's input shape is --input-shape).");
        if (!(s >= 0) || !double.IsFinite(s))
            throw new CchInputException($"{option} {s.ToString(System.Globalization.CultureInfo.InvariantCulture)}: σ must be a finite number of pixels ≥ 0.");
        if (!ShapeText.TryParse(shape, out var hw) || hw.Length != 2)
            throw new CchInputException(shape is null
                ? $"{option} needs --image-shape H,W (e.g. 28,28), the shape each row was stored in row-major."
                : $"{option} needs --image-shape H,W (e.g. 28,28), the shape each row was stored in row-major; got '{shape}'.");
        return new ImageBlur(s, hw[0], hw[1]);
    }
}
