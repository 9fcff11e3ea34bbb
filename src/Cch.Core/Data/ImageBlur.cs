namespace Cch.Data;

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
public sealed record ImageBlur(double Sigma, int Height, int Width);
