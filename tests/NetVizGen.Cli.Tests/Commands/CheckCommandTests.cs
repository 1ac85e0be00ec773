using NetVizGen.Cli.Inputs;

namespace NetVizGen.Cli.Tests.Commands;

public sealed class CheckCommandTests
{
    [Fact]
    public void A_missing_assembly_is_an_input_error()
    {
        var (code, _, err) = Support.Netviz("check", Path.Combine(Support.TempFolder(), "App.dll"));
        Assert.Equal(2, code);
        Assert.Contains("not found; build the project first", err);
    }

    [Fact]
    public void Settings_are_those_the_build_used_with_command_line_overrides()
    {
        var project = Support.TempFolder();
        File.WriteAllText(Path.Combine(project, "App.csproj"), "<Project />");
        var bin = Path.Combine(project, "bin", "Debug", "net10.0");
        var obj = Path.Combine(project, "obj", "Debug", "net10.0");
        Directory.CreateDirectory(bin);
        Directory.CreateDirectory(obj);
        var assembly = Path.Combine(bin, "App.dll");
        File.WriteAllText(assembly, "");
        File.WriteAllText(Path.Combine(obj, "NetVizGen.settings.cache"), $"output={project}/architecture/\ndepth=-1\ndirection=LeftRight\nmermaid=true\ndark=false\nmode=Write\n");
        var s = BuildSettings.For(assembly, null, null, null, null, null, null);
        Assert.Equal((project, project + "/architecture/", -1, Model.Specs.FlowDirection.LeftRight, true, false),
            (s.ProjectDirectory, s.OutputDirectory, s.Depth, s.Direction, s.Mermaid, s.DarkMode));
        Assert.True(s.PaperShapes);
        File.AppendAllText(Path.Combine(obj, "NetVizGen.settings.cache"), "shapes=false\n");
        var off = BuildSettings.For(assembly, null, null, null, null, null, null);
        Assert.False(off.PaperShapes);
        Assert.Equal((false, 0.0), (off.ToRenderOptions().EncoderDecoderLayout, off.ToRenderOptions().WrapAspectRatio));
        var o = BuildSettings.For(assembly, Path.Combine(project, "d"), null, 2, "TopDown", false, true);
        Assert.Equal((Path.Combine(project, "d"), 2, Model.Specs.FlowDirection.TopDown, false, true), (o.OutputDirectory, o.Depth, o.Direction, o.Mermaid, o.DarkMode));
    }

    [Fact]
    public void Without_a_build_cache_the_msbuild_defaults_apply()
    {
        var project = Support.TempFolder();
        File.WriteAllText(Path.Combine(project, "App.csproj"), "<Project />");
        var s = BuildSettings.For(Path.Combine(project, "App.dll"), null, null, null, null, null, null);
        Assert.Equal((Path.Combine(project, "docs"), 1, (Model.Specs.FlowDirection?)null, false, true), (s.OutputDirectory, s.Depth, s.Direction, s.Mermaid, s.DarkMode));
    }
}
