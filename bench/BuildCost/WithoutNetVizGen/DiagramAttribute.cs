// The Without variant's stand-in for the attribute NetVizGen's generator injects: same namespace,
// names, members and [Conditional], so the models compile identically and the only difference between
// the two builds is NetVizGen itself. It does nothing.
namespace NetVizGen
{
    internal enum DiagramDirection
    {
        TopDown = 0,
        LeftRight = 1,
    }

    [System.AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
    [System.Diagnostics.Conditional("NETVIZGEN_KEEP_ATTRIBUTES")]
    internal sealed class DiagramAttribute : System.Attribute
    {
        public string Input { get; set; }

        public string Name { get; set; }

        public string Title { get; set; }

        public DiagramDirection Direction { get; set; }

        public int Depth { get; set; } = -1;

        public object[] Arguments { get; set; }
    }
}
