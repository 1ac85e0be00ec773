using System.Globalization;
using System.Text;

namespace NetVizGen.Model.Shapes;

/// <summary>
/// A size read from a traced tensor in forward (<c>x.size(0)</c>, <c>x.shape[1]</c>), possibly times
/// other such sizes and constants. The extractor cannot know it (the batch is symbolic), so it stores
/// it in a flow node's arguments as a <c>Symbol</c> of the form <c>#3.size(0)*#3.size(1)*4</c>
/// (producer flow node id and axis); shape analysis resolves it against that node's output shape.
/// This type is the one place that reads and writes that text.
/// </summary>
public sealed class DimRef
{
    private DimRef(IReadOnlyList<(int Node, int Axis)> refs, long factor)
    {
        Refs = refs;
        Factor = factor;
    }

    /// <summary>The sizes multiplied together: (flow node id, axis; negative axes count from the end).</summary>
    public IReadOnlyList<(int Node, int Axis)> Refs { get; }

    /// <summary>A constant factor.</summary>
    public long Factor { get; }

    /// <summary>Axis <paramref name="axis"/> of flow node <paramref name="node"/>'s output.</summary>
    public static DimRef Of(int node, int axis) => new(new[] { (node, axis) }, 1);

    /// <summary>The product of two references or of a reference and a constant.</summary>
    public DimRef Times(DimRef other) => new(Refs.Concat(other.Refs).ToArray(), Factor * other.Factor);

    /// <summary>The reference times a constant.</summary>
    public DimRef Times(long factor) => new(Refs, Factor * factor);

    /// <summary>The manifest text, e.g. <c>#3.size(0)*2</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var (node, axis) in Refs)
        {
            if (sb.Length > 0) sb.Append('*');
            sb.Append('#').Append(node.ToString(CultureInfo.InvariantCulture))
              .Append(".size(").Append(axis.ToString(CultureInfo.InvariantCulture)).Append(')');
        }
        if (Factor != 1) sb.Append('*').Append(Factor.ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    /// <summary>Parses the text <see cref="ToString"/> writes; false for anything else (enum symbols).</summary>
    public static bool TryParse(string? text, out DimRef? value)
    {
        value = null;
        if (text is null || text.Length == 0 || text[0] != '#') return false;
        var refs = new List<(int, int)>();
        long factor = 1;
        foreach (var part in text.Split('*'))
        {
            if (part.StartsWith("#", StringComparison.Ordinal))
            {
                int dot = part.IndexOf(".size(", StringComparison.Ordinal);
                if (dot < 0 || !part.EndsWith(")", StringComparison.Ordinal)) return false;
                var axisText = part.Substring(dot + 6, part.Length - dot - 7);
                if (!int.TryParse(part.Substring(1, dot - 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var node) ||
                    !int.TryParse(axisText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var axis)) return false;
                refs.Add((node, axis));
            }
            else if (long.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var f)) factor *= f;
            else return false;
        }
        if (refs.Count == 0) return false;
        value = new DimRef(refs, factor);
        return true;
    }

    /// <summary>The size, given the output shape of each referenced node; null when one is unknown.</summary>
    public Dim? Resolve(Func<int, Shape?> outputOf)
    {
        Dim result = Factor;
        foreach (var (node, axis) in Refs)
        {
            var shape = outputOf(node);
            if (shape is null || shape.NormalizeAxis(axis) is not int a) return null;
            result *= shape[a];
        }
        return result;
    }
}
