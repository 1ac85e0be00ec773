using NetVizGen.Rendering.Text;

namespace NetVizGen.Rendering.Tests.Text;

public class TextMetricsTests
{
    [Fact]
    public void Widths_come_from_the_Helvetica_table()
    {
        // Helvetica AFM: H 722, e 556, l 222, o 556 → 2278 units.
        Assert.Equal(22.78, TextMetrics.Width("Hello", 10), 3);
        Assert.Equal(5.84, TextMetrics.Width("×", 10), 3);
        Assert.True(TextMetrics.Width("r", 12, bold: true) > TextMetrics.Width("r", 12));
    }

    [Fact]
    public void Boxes_leave_room_for_wider_fallback_fonts()
        => Assert.Equal(TextMetrics.Width("Conv2d 3×3", 12) * 1.2, TextMetrics.BoxWidth("Conv2d 3×3", 12), 6);

    [Fact]
    public void Unknown_characters_are_assumed_wide()
        => Assert.Equal(12, TextMetrics.Width("漢", 12), 6);
}
