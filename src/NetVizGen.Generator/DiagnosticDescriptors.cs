using Microsoft.CodeAnalysis;
using NetVizGen.Model.Specs;

namespace NetVizGen.Generator;

/// <summary>
/// Every diagnostic NetVizGen reports, with its default severity. Ids are stable (NVG0xxx) and
/// documented in docs/diagnostics.md; severities can be changed per id in .editorconfig. A documentation
/// problem never fails the user's build by default: nothing is an error unless the user raises it, and
/// whatever the reader could not determine is a warning (only facts such as NVG0106 are Info).
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "NetVizGen";

    private static readonly Dictionary<string, (string Title, DiagnosticSeverity Severity)> Known = new(StringComparer.Ordinal)
    {
        ["NVG0002"] = ("[Diagram] on an unsupported target", DiagnosticSeverity.Warning),
        ["NVG0003"] = ("Two diagrams with the same name", DiagnosticSeverity.Warning),
        ["NVG0004"] = ("No usable constructor", DiagnosticSeverity.Warning),
        ["NVG0101"] = ("Constructor code not understood statically", DiagnosticSeverity.Warning),
        ["NVG0102"] = ("forward code not understood statically", DiagnosticSeverity.Warning),
        ["NVG0103"] = ("Evaluation limit reached", DiagnosticSeverity.Warning),
        ["NVG0104"] = ("Submodule never registered", DiagnosticSeverity.Warning),
        ["NVG0105"] = ("Submodule assigned after RegisterComponents()", DiagnosticSeverity.Warning),
        ["NVG0106"] = ("Registered submodule never called", DiagnosticSeverity.Info),
        ["NVG0120"] = ("Model code of a referenced assembly not available", DiagnosticSeverity.Warning),
        ["NVG0201"] = ("Channel mismatch", DiagnosticSeverity.Warning),
        ["NVG0202"] = ("Feature mismatch", DiagnosticSeverity.Warning),
        ["NVG0203"] = ("Incompatible shapes in cat/stack", DiagnosticSeverity.Warning),
        ["NVG0204"] = ("view/reshape changes the element count", DiagnosticSeverity.Warning),
        ["NVG0205"] = ("Spatial size not positive", DiagnosticSeverity.Warning),
        ["NVG0206"] = ("Unknown module type", DiagnosticSeverity.Warning),
        ["NVG0207"] = ("Unknown op", DiagnosticSeverity.Warning),
        ["NVG0208"] = ("Invalid input shape", DiagnosticSeverity.Warning),
        ["NVG0209"] = ("Invalid shape operation", DiagnosticSeverity.Warning),
        ["NVG0210"] = ("Output shape not inferred", DiagnosticSeverity.Warning),
        ["NVG0999"] = ("Internal extraction error", DiagnosticSeverity.Warning),
    };

    private static readonly Dictionary<string, DiagnosticDescriptor> Cache = new(StringComparer.Ordinal);

    /// <summary>NVG0090: the extraction cache's hits in this compilation; reported only with NetVizGenCacheReport=true.</summary>
    public static readonly DiagnosticDescriptor CacheReport = new("NVG0090", "Extraction cache report",
        "NetVizGen extraction cache: {0} model(s), {1} re-used from an earlier compilation, {2} extracted; declarations of {3} file(s) read", Category, DiagnosticSeverity.Info, isEnabledByDefault: true,
        description: "Reported only when the MSBuild property NetVizGenCacheReport is true (a diagnostic aid for build cost).");

    /// <summary>The descriptor for a note id; unknown ids get a warning descriptor of their own.</summary>
    public static DiagnosticDescriptor For(NoteSpec note)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(note.Id, out var d)) return d;
            var (title, severity) = Known.TryGetValue(note.Id, out var k) ? k : ("NetVizGen finding", ToSeverity(note.Severity));
            if (severity == DiagnosticSeverity.Error) severity = DiagnosticSeverity.Warning; // never fail the build by default
            d = new DiagnosticDescriptor(note.Id, title, "{0}", Category, severity, isEnabledByDefault: true,
                description: "See docs/diagnostics.md in the NetVizGen repository for what " + note.Id + " means and how to fix it.");
            Cache[note.Id] = d;
            return d;
        }
    }

    private static DiagnosticSeverity ToSeverity(NoteSeverity s) => s switch
    {
        NoteSeverity.Error => DiagnosticSeverity.Error,
        NoteSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };
}
