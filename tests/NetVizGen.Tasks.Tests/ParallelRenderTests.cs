namespace NetVizGen.Tasks.Tests;

/// <summary>The parallel map keeps input order and fails the same way every run.</summary>
public sealed class ParallelRenderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(64)]
    public void Results_come_back_by_input_index(int parallelism)
    {
        var items = Enumerable.Range(0, 40).ToList();
        // Uneven work, so workers finish out of order.
        var results = ParallelRender.Map(items, i => { Thread.SpinWait((40 - i) * 2000); return i * i; }, parallelism);
        Assert.Equal(items.Select(i => i * i), results);
        Assert.Empty(ParallelRender.Map(Array.Empty<int>(), i => i, parallelism));
    }

    [Fact]
    public void The_failure_of_the_lowest_index_is_rethrown()
    {
        var items = Enumerable.Range(0, 20).ToList();
        for (int run = 0; run < 5; run++)
        {
            var e = Assert.Throws<FormatException>(() => ParallelRender.Map(items, i =>
            {
                if (i % 7 == 5) throw new FormatException("model " + i);
                return i;
            }, 4));
            Assert.Equal("model 5", e.Message);
        }
    }

    [Fact]
    public void Workers_have_a_large_stack()
    {
        // Deep recursion that would overflow a 1.5 MB thread-pool stack: about 4 MB of frames.
        static int Depth(int n) { Span<byte> pad = stackalloc byte[512]; pad[0] = (byte)n; return n == 0 ? pad[0] : 1 + Depth(n - 1); }
        Assert.Equal(new[] { 8000, 8000 }, ParallelRender.Map(new[] { 8000, 8000 }, Depth, 2));
    }
}
