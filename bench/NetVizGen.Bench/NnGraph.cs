using System.Globalization;
using System.Text;
using System.Text.Json;
using NetVizGen.Layout;

namespace NetVizGen.Bench;

/// <summary>Reads the shared corpus format nngraph/1 and writes nnlayout/1 (see ../shared/bench/FORMAT.md).</summary>
internal static class NnGraph
{
    /// <summary>Title band given to every cluster: the shared bench's clusterLabelH.</summary>
    public const double TitleHeight = 20;

    /// <summary>Title text width per character: the corpus's 7 px per character at a 12 px font (boxes add 20 px of
    /// their own margin; a title needs none beyond the cluster padding).</summary>
    public const double TitleCharWidth = 7;

    public static (LayoutGraph Graph, string Name, LayoutDirection Direction) Read(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = doc.RootElement;
        string name = root.TryGetProperty("name", out var nm) ? nm.GetString() ?? "graph" : "graph";
        string dir = root.TryGetProperty("direction", out var d) ? d.GetString() ?? "TB" : "TB";
        var g = new LayoutGraph();
        var clusters = new List<(string Id, string? Parent, string Label)>();
        var leaves = new List<(string Id, string? Parent, double W, double H)>();
        foreach (var n in root.GetProperty("nodes").EnumerateArray())
        {
            string id = n.GetProperty("id").GetString()!;
            string? parent = n.TryGetProperty("parent", out var p) ? p.GetString() : null;
            if (n.TryGetProperty("cluster", out var c) && c.ValueKind == JsonValueKind.True)
                clusters.Add((id, parent, n.TryGetProperty("label", out var l) ? l.GetString() ?? id : id));
            else
                leaves.Add((id, parent, n.GetProperty("width").GetDouble(), n.GetProperty("height").GetDouble()));
        }
        // Parents first: the builder requires a cluster's parent to exist.
        var added = new HashSet<string>(StringComparer.Ordinal);
        while (added.Count < clusters.Count)
        {
            int before = added.Count;
            foreach (var (id, parent, label) in clusters)
                if (!added.Contains(id) && (parent is null || added.Contains(parent)))
                {
                    g.AddCluster(id, parent, titleWidth: TitleCharWidth * label.Length, titleHeight: TitleHeight);
                    added.Add(id);
                }
            if (added.Count == before) throw new InvalidDataException("cluster parents form a cycle or are missing");
        }
        foreach (var (id, parent, w, h) in leaves) g.AddNode(id, w, h, parent);
        foreach (var e in root.GetProperty("edges").EnumerateArray())
            g.AddEdge(e.GetProperty("id").GetString()!, e.GetProperty("source").GetString()!, e.GetProperty("target").GetString()!);
        return (g, name, dir == "LR" ? LayoutDirection.LeftToRight : LayoutDirection.TopToBottom);
    }

    public static string Write(string name, LayoutResult r)
    {
        var sb = new StringBuilder();
        string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        sb.Append("{\"format\":\"nnlayout/1\",\"graph\":").Append(JsonSerializer.Serialize(name));
        sb.Append(",\"engine\":\"NetVizGen.Layout\",\"width\":").Append(F(r.Width)).Append(",\"height\":").Append(F(r.Height));
        sb.Append(",\n\"nodes\":[");
        bool first = true;
        foreach (var n in r.Nodes.Values)
        {
            sb.Append(first ? "\n" : ",\n");
            first = false;
            sb.Append("{\"id\":").Append(JsonSerializer.Serialize(n.Id)).Append(",\"x\":").Append(F(n.X)).Append(",\"y\":").Append(F(n.Y))
              .Append(",\"width\":").Append(F(n.Width)).Append(",\"height\":").Append(F(n.Height)).Append('}');
        }
        sb.Append("],\n\"clusters\":[");
        first = true;
        foreach (var c in r.Clusters.Values)
        {
            sb.Append(first ? "\n" : ",\n");
            first = false;
            sb.Append("{\"id\":").Append(JsonSerializer.Serialize(c.Id)).Append(",\"x\":").Append(F(c.X)).Append(",\"y\":").Append(F(c.Y))
              .Append(",\"width\":").Append(F(c.Width)).Append(",\"height\":").Append(F(c.Height)).Append('}');
        }
        sb.Append("],\n\"edges\":[");
        first = true;
        foreach (var e in r.Edges.Values)
        {
            sb.Append(first ? "\n" : ",\n");
            first = false;
            sb.Append("{\"id\":").Append(JsonSerializer.Serialize(e.Id)).Append(",\"source\":").Append(JsonSerializer.Serialize(e.Source))
              .Append(",\"target\":").Append(JsonSerializer.Serialize(e.Target)).Append(",\"curve\":\"polyline\",\"points\":[");
            for (int i = 0; i < e.Points.Count; i++)
                sb.Append(i == 0 ? "" : ",").Append('[').Append(F(e.Points[i].X)).Append(',').Append(F(e.Points[i].Y)).Append(']');
            sb.Append(']');
            if (e.LabelCenter is Point lc) sb.Append(",\"label\":[").Append(F(lc.X)).Append(',').Append(F(lc.Y)).Append(']');
            sb.Append('}');
        }
        sb.Append("]}\n");
        return sb.ToString();
    }
}
