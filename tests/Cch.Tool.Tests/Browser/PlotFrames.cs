using SkiaSharp;

namespace Cch.Tool.Tests.Browser;

/// <summary>
/// Finds the plots in a screenshot of an HTML report by their data-area frames — the only long, dark horizontal
/// lines on the page (PlotStyle draws them 2 pixels wide, so one row stays dark wherever they fall; table and page
/// borders are light grey) — and measures what was drawn inside each.
/// </summary>
internal static class PlotFrames
{
    /// <summary>A frame's inside, in screenshot pixels, with the number of coloured (non-grey) pixels in it.</summary>
    public sealed record Frame(int Left, int Top, int Right, int Bottom, int ColouredPixels);

    /// <summary>The frames found, top to bottom.</summary>
    public static IReadOnlyList<Frame> Find(SKBitmap image, int minimumWidth = 300)
    {
        var edges = new List<(int Y, int Left, int Right)>();
        for (var y = 0; y < image.Height; y++)
        {
            var (left, right) = LongestDarkRun(image, y);
            if (right - left < minimumWidth) continue;
            // Adjacent dark rows are one edge.
            if (edges.Count > 0 && y - edges[^1].Y <= 3 && Math.Abs(edges[^1].Left - left) <= 4) continue;
            edges.Add((y, left, right));
        }

        var frames = new List<Frame>();
        for (var i = 0; i + 1 < edges.Count; i += 2)
        {
            var (top, bottom) = (edges[i], edges[i + 1]);
            if (Math.Abs(top.Left - bottom.Left) > 4 || Math.Abs(top.Right - bottom.Right) > 4) throw new InvalidOperationException($"Dark lines at y = {top.Y} and {bottom.Y} do not frame one plot.");
            var inside = (Left: top.Left + 4, Top: top.Y + 4, Right: top.Right - 4, Bottom: bottom.Y - 4);
            frames.Add(new Frame(inside.Left, inside.Top, inside.Right, inside.Bottom, Coloured(image, inside.Left, inside.Top, inside.Right, inside.Bottom)));
        }

        return frames;
    }

    /// <summary>Pixels in the rectangle whose channels differ by more than 60: colour, not the greys of grid, text and white.</summary>
    public static int Coloured(SKBitmap image, int left, int top, int right, int bottom)
    {
        var count = 0;
        for (var y = Math.Max(0, top); y < Math.Min(image.Height, bottom); y++)
            for (var x = Math.Max(0, left); x < Math.Min(image.Width, right); x++)
            {
                var c = image.GetPixel(x, y);
                if (Math.Max(c.Red, Math.Max(c.Green, c.Blue)) - Math.Min(c.Red, Math.Min(c.Green, c.Blue)) > 60) count++;
            }

        return count;
    }

    private static (int Left, int Right) LongestDarkRun(SKBitmap image, int y)
    {
        var (best, bestStart, start, run) = (0, 0, 0, 0);
        for (var x = 0; x < image.Width; x++)
        {
            var c = image.GetPixel(x, y);
            if (Math.Max(c.Red, Math.Max(c.Green, c.Blue)) < 60)
            {
                if (run++ == 0) start = x;
                if (run > best) (best, bestStart) = (run, start);
            }
            else
            {
                run = 0;
            }
        }

        return (bestStart, bestStart + best);
    }
}
