using System.CommandLine;
using NetVizGen.Cli.Inputs;
using NetVizGen.Rendering.Diff;

namespace NetVizGen.Cli.Commands;

/// <summary>
/// <c>netviz diff OLD NEW</c> over two description files or two docs folders, or
/// <c>netviz diff --base REV [PATH]</c>: the descriptions committed at REV (read through git) against
/// the working tree. Prints text, Markdown or JSON; optionally writes coloured diff diagrams.
/// </summary>
internal static class DiffCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "OLD NEW (description files or docs folders); with --base: the working-tree file or folder to compare (default: the current folder).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var baseRev = new Option<string?>("--base") { Description = "Compare the descriptions committed at this git revision (e.g. origin/main) with the working tree." };
        var format = new Option<string>("--format", "-f") { Description = "Output format: text, md or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "md", "json");
        var svg = new Option<string?>("--svg") { Description = "Write a coloured diff diagram (Id.diff.svg, Id.diff.dark.svg) for each changed model into this folder." };
        var exitCode = new Option<bool>("--exit-code") { Description = "Exit with 1 when there are architecture changes (like git diff --exit-code)." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
        var command = new Command("diff", "Show the architecture changes between two sets of model descriptions.") { paths, baseRev, format, svg, exitCode, output };
        command.SetAction(parse => Tool.Run(() =>
        {
            var args = parse.GetValue(paths) ?? [];
            var rev = parse.GetValue(baseRev);
            List<Model.Specs.ModelSpec> olds, news;
            if (rev is not null)
            {
                if (args.Length > 1) throw new ToolError("With --base give at most one path (the working-tree side).");
                var path = args.Length == 1 ? args[0] : ".";
                olds = DescriptionSet.FromRevision(path, rev);
                news = DescriptionSet.FromPath(path);
            }
            else
            {
                if (args.Length != 2) throw new ToolError("Give OLD and NEW (files or folders), or --base REVISION.");
                olds = DescriptionSet.FromPath(args[0]);
                news = DescriptionSet.FromPath(args[1]);
            }
            var report = DescriptionDiffer.Compare(olds, news);
            var text = parse.GetValue(format) switch
            {
                "md" => DiffFormatter.Markdown(report),
                "json" => DiffFormatter.Json(report),
                _ => DiffFormatter.Text(report),
            };
            var to = parse.GetValue(output);
            if (to is not null) File.WriteAllText(to, text);
            else Console.Out.Write(text);

            var svgDir = parse.GetValue(svg);
            if (svgDir is not null)
            {
                Directory.CreateDirectory(svgDir);
                foreach (var m in report.Models.Where(m => m.Status == ModelStatus.Changed))
                {
                    var (light, dark) = DiffDiagram.Paint(m);
                    File.WriteAllText(Path.Combine(svgDir, m.Id + ".diff.svg"), light);
                    File.WriteAllText(Path.Combine(svgDir, m.Id + ".diff.dark.svg"), dark);
                }
            }
            return parse.GetValue(exitCode) && !report.IsEmpty ? 1 : 0;
        }));
        return command;
    }
}
