using NetVizGen.Model.Specs;
using NetVizGen.Rendering;

namespace NetVizGen.Cli.Inputs;

/// <summary>
/// The docs settings of a built assembly: read from the <c>NetVizGen.settings.cache</c> the build wrote
/// into the intermediate folder (so <c>netviz check</c> renders exactly as the build does), with
/// command-line overrides; the MSBuild defaults otherwise.
/// </summary>
internal sealed class BuildSettings
{
    public string ProjectDirectory { get; private set; } = "";
    public string OutputDirectory { get; private set; } = "";
    public int Depth { get; private set; } = 1;
    public FlowDirection? Direction { get; private set; }
    public bool Mermaid { get; private set; }
    public bool DarkMode { get; private set; } = true;
    public bool PaperShapes { get; private set; } = true;

    public static BuildSettings For(string assembly, string? docs, string? project, int? depth, string? direction, bool? mermaid, bool? dark)
    {
        var s = new BuildSettings();
        s.ProjectDirectory = project is not null ? Path.GetFullPath(project) : FindProject(assembly) ?? Directory.GetCurrentDirectory();
        var cache = FindSettings(assembly, s.ProjectDirectory);
        if (cache is not null)
        {
            // WriteLinesToFile splits the target's "a=1;b=2" into one line per item; accept both.
            foreach (var pair in File.ReadAllText(cache).Split([';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                int eq = pair.IndexOf('=');
                if (eq < 0) continue;
                var (key, value) = (pair[..eq], pair[(eq + 1)..]);
                switch (key)
                {
                    case "output": s.OutputDirectory = value; break;
                    case "depth": if (int.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var d)) s.Depth = d; break;
                    case "direction": s.Direction = ParseDirection(value); break;
                    case "mermaid": s.Mermaid = value.Equals("true", StringComparison.OrdinalIgnoreCase); break;
                    case "dark": s.DarkMode = !value.Equals("false", StringComparison.OrdinalIgnoreCase); break;
                    case "shapes": s.PaperShapes = !value.Equals("false", StringComparison.OrdinalIgnoreCase); break;
                }
            }
        }
        if (docs is not null) s.OutputDirectory = Path.GetFullPath(docs);
        if (s.OutputDirectory.Length == 0) s.OutputDirectory = Path.Combine(s.ProjectDirectory, "docs");
        if (depth is not null) s.Depth = depth.Value;
        if (direction is not null) s.Direction = ParseDirection(direction);
        if (mermaid is not null) s.Mermaid = mermaid.Value;
        if (dark is not null) s.DarkMode = dark.Value;
        return s;
    }

    public RenderOptions ToRenderOptions() => new()
    {
        ProjectDirectory = ProjectDirectory,
        OutputDirectory = OutputDirectory,
        Depth = Depth,
        Direction = Direction,
        Mermaid = Mermaid,
        DarkMode = DarkMode,
        EncoderDecoderLayout = PaperShapes,
        WrapAspectRatio = PaperShapes ? new RenderOptions().WrapAspectRatio : 0,
    };

    private static FlowDirection? ParseDirection(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Enum.TryParse<FlowDirection>(text.Trim(), ignoreCase: true, out var d)) return d;
        throw new ToolError($"Direction '{text}' is not TopDown or LeftRight.");
    }

    // bin/Debug/net10.0/App.dll → the nearest folder above holding a project file.
    private static string? FindProject(string assembly)
    {
        for (var dir = Path.GetDirectoryName(Path.GetFullPath(assembly)); dir is not null; dir = Path.GetDirectoryName(dir))
            if (Directory.EnumerateFiles(dir, "*.*proj").Any()) return dir;
        return null;
    }

    // obj/<Configuration>/<TargetFramework>/NetVizGen.settings.cache for bin/<Configuration>/<TargetFramework>/App.dll.
    private static string? FindSettings(string assembly, string project)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(assembly))!;
        var beside = Path.Combine(dir, "NetVizGen.settings.cache");
        if (File.Exists(beside)) return beside;
        var relative = Path.GetRelativePath(project, dir).Replace('\\', '/');
        if (relative.StartsWith("bin/", StringComparison.Ordinal))
        {
            var mirrored = Path.Combine(project, "obj", relative.Substring(4), "NetVizGen.settings.cache");
            if (File.Exists(mirrored)) return mirrored;
        }
        return null;
    }
}
