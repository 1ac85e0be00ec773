using NetVizGen.Layout;

namespace NetVizGen.Bench;

/// <summary>Random layered DAGs shaped like the corpus's random5k (same recipe, any size) for the scaling curve.</summary>
internal static class Synthetic
{
    public static LayoutGraph RandomLayeredDag(int total, uint seed)
    {
        uint s = seed;
        double Next()
        {
            // xorshift32: tiny, deterministic, good enough for test graphs.
            s ^= s << 13; s ^= s >> 17; s ^= s << 5;
            return s / 4294967296.0;
        }
        var g = new LayoutGraph();
        var layers = new List<List<string>>();
        int n = 0;
        while (n < total)
        {
            int size = Math.Min(total - n, 20 + (int)(Next() * 41));
            var layer = new List<string>();
            for (int i = 0; i < size; i++)
            {
                string id = "n" + n++;
                g.AddNode(id, 48 + (int)(Next() * 120), 36);
                layer.Add(id);
            }
            layers.Add(layer);
        }
        int e = 0;
        for (int li = 1; li < layers.Count; li++)
        {
            var l = layers[li];
            for (int i = 0; i < l.Count; i++)
            {
                double r = Next();
                int k = r < 0.5 ? 1 : r < 0.85 ? 2 : 3;
                double rel = (i + 0.5) / l.Count;
                for (int j = 0; j < k; j++)
                {
                    int up = Next() < 0.15 ? 2 + (int)(Next() * 5) : 1;
                    var src = layers[Math.Max(0, li - up)];
                    int at = Math.Clamp((int)((rel + (Next() - 0.5) * 0.2) * src.Count), 0, src.Count - 1);
                    g.AddEdge("e" + e++, src[at], l[i]);
                }
            }
        }
        return g;
    }
}

/// <summary>DenseNet-style dense blocks: the graphs issue 12 asks to scale at most ~n² in time.</summary>
internal static class DenseBlocks
{
    /// <summary>
    /// A dense block of <paramref name="n"/> layers inside a cluster, shaped like the renderer's DenseNet diagrams:
    /// layer i reads <c>cat_i</c>, the concatenation of the block input and the outputs of layers 0..i-1, and the
    /// block ends with a <c>cat</c> of all of them. n(n+1)/2 + 2n + 1 edges; the edge from a source to a late cat
    /// spans up to 2n ranks. With <paramref name="labelled"/> the first edge out of each node carries a shape
    /// label (as the renderer does: one label per fan-out), which gives every edge a middle rank.
    /// </summary>
    public static LayoutGraph Build(int n, bool labelled) => Build(n, labelled, null);

    /// <summary>The unlabelled block as an nngraph/1 document (for score.mjs and render_svg.mjs).</summary>
    public static string NnGraphJson(int n)
    {
        var json = new System.Text.StringBuilder();
        Build(n, false, json);
        return json.ToString();
    }

    private static LayoutGraph Build(int n, bool labelled, System.Text.StringBuilder? json)
    {
        var g = new JsonEcho(json, "dense" + n);
        g.AddNode("input", 125, 36);
        g.AddCluster("block", null, titleWidth: 84, titleHeight: 18);
        var sources = new List<string> { "input" };
        var labelledSources = new HashSet<string>(StringComparer.Ordinal);
        int e = 0;
        void Edge(string s, string t)
        {
            bool label = labelled && labelledSources.Add(s);
            g.AddEdge("e" + e++, s, t, label ? 96 : 0, label ? 15 : 0);
        }
        for (int i = 0; i < n; i++)
        {
            string cat = "cat" + i, layer = "layer" + i;
            g.AddNode(cat, 90, 30, "block");
            g.AddNode(layer, 140, 36, "block");
            foreach (var s in sources) Edge(s, cat);
            Edge(cat, layer);
            sources.Add(layer);
        }
        g.AddNode("out", 90, 30, "block");
        foreach (var s in sources) Edge(s, "out");
        g.AddNode("head", 125, 36);
        Edge("out", "head");
        return g.Done();
    }

    /// <summary>Builds the LayoutGraph and, when asked, echoes the same calls as nngraph/1 JSON.</summary>
    private sealed class JsonEcho(System.Text.StringBuilder? json, string name)
    {
        private readonly LayoutGraph _g = new();
        private readonly List<string> _nodes = [], _edges = [];

        public void AddNode(string id, double w, double h, string? parent = null)
        {
            _g.AddNode(id, w, h, parent);
            _nodes.Add($"{{\"id\":\"{id}\",\"label\":\"{id}\",\"width\":{w},\"height\":{h}{(parent is null ? "" : $",\"parent\":\"{parent}\"")}}}");
        }

        public void AddCluster(string id, string? parent, double titleWidth, double titleHeight)
        {
            _g.AddCluster(id, parent, titleWidth, titleHeight);
            _nodes.Add($"{{\"id\":\"{id}\",\"label\":\"{id}\",\"cluster\":true}}");
        }

        public void AddEdge(string id, string s, string t, double lw, double lh)
        {
            _g.AddEdge(id, s, t, lw, lh);
            _edges.Add($"{{\"id\":\"{id}\",\"source\":\"{s}\",\"target\":\"{t}\"}}");
        }

        public LayoutGraph Done()
        {
            json?.Append($"{{\"format\":\"nngraph/1\",\"name\":\"{name}\",\"direction\":\"TB\",\n\"nodes\":[\n{string.Join(",\n", _nodes)}],\n\"edges\":[\n{string.Join(",\n", _edges)}]}}\n");
            return _g;
        }
    }
}
