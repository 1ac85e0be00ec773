using NetVizGen.Model.Shapes;

namespace NetVizGen.Model.Tests.Shapes;

public class ShapeTests
{
    [Theory]
    [InlineData("N,3,224,224", "N×3×224×224")]
    [InlineData("1,3,224,224", "1×3×224×224")]
    [InlineData("N,T", "N×T")]
    [InlineData(" B , T , 512 ", "B×T×512")]
    [InlineData("N×3×32×32", "N×3×32×32")]
    public void ParsesAttributeText(string text, string expected)
    {
        Assert.True(Shape.TryParse(text, out var shape, out var error), error);
        Assert.Equal(expected, shape.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("N,,3")]
    [InlineData("N,3.5")]
    [InlineData("N,0,3")]
    [InlineData("N;3")]
    public void RejectsInvalidText(string text)
    {
        Assert.False(Shape.TryParse(text, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void ParsesLists()
    {
        Assert.True(Shape.TryParseList("N,T,512;N,S,512", out var shapes, out _));
        Assert.Equal(new[] { "N×T×512", "N×S×512" }, shapes.Select(s => s.ToString()));
        Assert.False(Shape.TryParseList("N,T;N,?", out _, out var error));
        Assert.StartsWith("input 2:", error);
    }

    [Fact]
    public void ElementCountAndEquality()
    {
        Shape.TryParse("N,256,7,7", out var a, out _);
        Shape.TryParse("N, 256, 7, 7", out var b, out _);
        Assert.Equal(a, b);
        Assert.Equal("12544*N", a.ElementCount.ToString());
        Assert.Equal(150528L, Shape.Of(3, 224, 224).ElementCount.Value);
        Assert.NotEqual(a, Shape.Of(1, 256, 7, 7));
        Assert.Equal("scalar", Shape.Of().ToString());
    }
}
