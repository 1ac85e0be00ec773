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
