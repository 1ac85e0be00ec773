using NetVizGen.Model.Shapes;

namespace NetVizGen.Model.Tests.Shapes;

public class DimTests
{
    private static readonly Dim H = Dim.Symbol("H");
    private static readonly Dim W = Dim.Symbol("W");

    [Fact]
    public void ConcreteArithmeticFollowsFloorDivision()
    {
        Assert.Equal(Dim.Of(7), Dim.Of(3) + 4);
        Assert.Equal(Dim.Of(-3), Dim.Of(-5).FloorDiv(2));
        Assert.Equal(Dim.Of(3), Dim.Of(5).CeilDiv(2));
        Assert.Equal(12L, (Dim.Of(3) * 4).Value);
    }

    [Fact]
    public void ExactQuotientPrintsSimply()
    {
        Assert.Equal("H/2", ((H - 2).FloorDiv(2) + 1).ToString());
        Assert.Equal("H", ((H + 2 - 2 - 1).FloorDiv(1) + 1).ToString());
        Assert.Equal("H", (H * 2).FloorDiv(2).ToString());
        Assert.Equal("2*H", ((H - 1) * 2 + 2).ToString());
    }

    [Fact]
    public void InexactQuotientKeepsItsRemainder()
    {
        // floor((H-1)/2)+1 is folded into one canonical quotient.
        Assert.Equal("(H+1)/2", ((H - 1).FloorDiv(2) + 1).ToString());
        Assert.Equal(112L, Substitute((H - 1).FloorDiv(2) + 1, 224));
        Assert.Equal(112L, Substitute((H - 1).FloorDiv(2) + 1, 223));
    }

    [Fact]
    public void NestedStridesCombine()
    {
        var conv = (H + (6 - 6 - 1)).FloorDiv(2) + 1; // 7x7 s2 p3
        var pool = (conv + (2 - 2 - 1)).FloorDiv(2) + 1; // 3x3 s2 p1
        Assert.Equal("(H+3)/4", pool.ToString());
        Assert.Equal("H/4", H.FloorDiv(2).FloorDiv(2).ToString());
    }

    [Fact]
    public void ProductsAndSumsAreCanonical()
    {
        Assert.Equal(H * W, W * H);
        Assert.Equal("H*W", (W * H).ToString());
        Assert.Equal("64*H*W", (Dim.Of(64) * H * W).ToString());
        Assert.Equal("H+W", (W + H).ToString());
        Assert.Equal("0", (H - H).ToString());
        Assert.Equal("W*(H/2)", (H.FloorDiv(2) * W).ToString());
        Assert.Equal(H.GetHashCode(), Dim.Symbol("H").GetHashCode());
    }

    [Fact]
    public void CommonFactorsReduce()
    {
        Assert.Equal("(H+1)/2", (H * 2 + 2).FloorDiv(4).ToString());
    }

    [Theory]
    [InlineData("224", true)]
    [InlineData("N", true)]
    [InlineData("seq_len", true)]
    [InlineData("3x", false)]
    [InlineData("-1", false)]
    [InlineData("", false)]
    public void Parses(string text, bool ok) => Assert.Equal(ok, Dim.TryParse(text, out _));

    [Fact]
    public void SymbolicFormulaMatchesConcreteForManySizes()
    {
        for (long k = 1; k <= 7; k++)
            for (long s = 1; s <= 4; s++)
                for (long p = 0; p <= k / 2; p++)
                {
                    var symbolic = (H + (2 * p - (k - 1) - 1)).FloorDiv(s) + 1;
                    for (long h = k; h < 40; h++)
                    {
                        long expected = (long)Math.Floor((h + 2.0 * p - (k - 1) - 1) / s) + 1;
                        Assert.Equal(expected, Substitute(symbolic, h));
                    }
                }
    }

    /// <summary>Evaluates a single-symbol dim at H=value by re-parsing its canonical text.</summary>
    private static long Substitute(Dim dim, long value) => Eval(dim.ToString().Replace("H", value.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static long Eval(string text)
    {
        int pos = 0;
        return Sum();

        long Sum()
        {
            long v = Product();
            while (pos < text.Length && (text[pos] == '+' || text[pos] == '-'))
            {
                char op = text[pos++];
                long r = Product();
                v = op == '+' ? v + r : v - r;
            }
            return v;
        }

        long Product()
        {
            long v = Atom();
            while (pos < text.Length && (text[pos] == '*' || text[pos] == '/'))
            {
                char op = text[pos++];
                long r = Atom();
                v = op == '*' ? v * r : (long)Math.Floor((double)v / r);
            }
            return v;
        }

        long Atom()
        {
            if (text[pos] == '(') { pos++; long v = Sum(); pos++; return v; }
            if (text[pos] == '-') { pos++; return -Atom(); }
            int start = pos;
            while (pos < text.Length && char.IsDigit(text[pos])) pos++;
            return long.Parse(text.Substring(start, pos - start), System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
