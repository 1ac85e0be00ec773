using System.Diagnostics;
using System.Globalization;
using NetVizGen.Bench;
using NetVizGen.Layout;

// Benchmarks for NetVizGen.Layout. Commands:
//   layout IN.json OUT.json [--no-merge]   lay out one nngraph/1 file, write nnlayout/1 (score it with score.mjs);
//                                    --no-merge: long inputs of one node keep one port each (no fan-in bus)
//   timing [CORPUS_DIR] [--reps N]   median warm in-process layout time per corpus graph
//   scaling [--reps N]               time on synthetic random layered DAGs of growing size (the cost curve)
//   phases IN.json|synthetic:N|dense:N   time of each pipeline phase (one warm run)
//   stability [--no-bundle] [--wrap] issue 10's stability figures (ORD, LAY, DISP, RIPPLE) on gallery-like edits
//   dense-graph N OUT.json           write the dense block of n layers as nngraph/1
//   dense [--reps N] [--max N]       time on DenseNet-style dense blocks of n layers (issue 12's scaling curve)
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length == 0) return Usage();
switch (args[0])
{
    case "layout" when args.Length >= 3:
    {
        var (g, name, dir) = NnGraph.Read(args[1]);
        var r = LayeredLayout.Run(g, new LayoutOptions { Direction = dir, MergeFanInMin = args.Contains("--no-merge") ? 0 : 2 });
        File.WriteAllText(args[2], NnGraph.Write(name, r));
        Console.WriteLine($"{name}: {r.Nodes.Count} nodes, {r.Clusters.Count} clusters, {r.Edges.Count} edges -> {args[2]} ({r.Width:0} x {r.Height:0})");
        return 0;
    }
    case "timing":
    {
        string dir = args.Length > 1 && !args[1].StartsWith("--") ? args[1] : DefaultCorpus();
        int reps = Reps(args, 15);
        Console.WriteLine($"| graph | nodes / edges / clusters | median ms | min ms | 1st ms (cold) |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        foreach (var file in Directory.GetFiles(dir, "*.json").Where(f => !f.EndsWith("index.json")).Order(StringComparer.Ordinal))
        {
            var (g, name, d) = NnGraph.Read(file);
            var o = new LayoutOptions { Direction = d };
            var (median, min, first) = Measure(() => LayeredLayout.Run(g, o), reps);
            Console.WriteLine($"| {name} | {g.NodeCount} / {g.EdgeCount} / {g.ClusterCount} | {median:0.00} | {min:0.00} | {first:0.0} |");
        }
        return 0;
    }
    case "scaling":
    {
        int reps = Reps(args, 7);
        Console.WriteLine("| nodes | edges | median ms | min ms | µs per (node+edge), min |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        foreach (int n in new[] { 1000, 2000, 5000, 10000, 20000, 40000 })
        {
            var g = Synthetic.RandomLayeredDag(n, seed: 42);
            var o = new LayoutOptions();
            var (median, min, _) = Measure(() => LayeredLayout.Run(g, o), reps);
            Console.WriteLine($"| {n} | {g.EdgeCount} | {median:0.0} | {min:0.0} | {min * 1000 / (n + g.EdgeCount):0.00} |");
        }
        return 0;
    }
    case "stability":
    {
        // Issue 10 §3: realistic one-step edits of gallery-like graphs, figures over the leaves matched by id.
        Console.WriteLine("| model | edit | matched | ORD | LAY | DISP | RIPPLE | moved above the edit | moved sideways | base W × H | head W × H |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var edit in NetVizGen.Layout.Tests.Stability.GalleryEdits.All())
        {
            var (f, above, side, b, h) = NetVizGen.Layout.Tests.Stability.EditMeasure.Run(edit, new LayoutOptions
            {
                BundleFanOut = !args.Contains("--no-bundle"),
                // --wrap: long chains wrapped as the renderer does by default (a page's 1.414, from 1,400 px).
                WrapAspectRatio = args.Contains("--wrap") ? 1.414 : 0, WrapMinLength = 1400,
            });
            Console.WriteLine($"| {edit.Model} | {edit.Kind} | {f.Matched} | {f.Ord:0.000} | {f.Lay:0.000} | {f.Disp:0.0000} | {f.Ripple:0.000} | {above:0.000} | {side:0.000} | {b.Width:0} × {b.Height:0} | {h.Width:0} × {h.Height:0} |");
        }
        return 0;
    }
    case "dense-graph" when args.Length >= 3:
        // The unlabelled dense block of n layers as nngraph/1, to lay out with `layout` and score or draw.
        File.WriteAllText(args[2], DenseBlocks.NnGraphJson(int.Parse(args[1], CultureInfo.InvariantCulture)));
        return 0;
    case "dense":
    {
        // Both variants per size; a size whose first (cold) run takes over 5 s is reported from that run
        // alone and ends the curve for its variant (the next size would take minutes).
        int reps = Reps(args, 5);
        int max = ArgInt(args, "--max", 300);
        Console.WriteLine("| layers n | nodes | edges | labels | median ms | min ms | ms / n² (min) |");
        Console.WriteLine("|---:|---:|---:|---|---:|---:|---:|");
        foreach (bool labelled in new[] { false, true })
            foreach (int n in new[] { 8, 16, 32, 48, 64, 96, 128, 192, 256, 300 })
            {
                if (n > max) break;
                var g = DenseBlocks.Build(n, labelled);
                var o = new LayoutOptions();
                var sw = Stopwatch.StartNew();
                LayeredLayout.Run(g, o);
                double first = sw.Elapsed.TotalMilliseconds;
                var (median, min) = first > 5000 ? (first, first) : Trim(Measure(() => LayeredLayout.Run(g, o), reps));
                string slow = first > 5000 ? " (1 run)" : "";
                Console.WriteLine($"| {n} | {g.NodeCount} | {g.EdgeCount} | {(labelled ? "yes" : "no")} | {median:0.0}{slow} | {min:0.0} | {min / ((double)n * n):0.0000} |");
                if (first > 5000) break;
            }
        return 0;
    }
    case "phases" when args.Length >= 2:
    {
        var (g, _, d) = args[1].StartsWith("synthetic:", StringComparison.Ordinal)
            ? (Synthetic.RandomLayeredDag(int.Parse(args[1]["synthetic:".Length..], CultureInfo.InvariantCulture), seed: 42), "synthetic", LayoutDirection.TopToBottom)
            : args[1].StartsWith("dense:", StringComparison.Ordinal)
            ? (DenseBlocks.Build(int.Parse(args[1]["dense:".Length..], CultureInfo.InvariantCulture), labelled: true), "dense", LayoutDirection.TopToBottom)
            : NnGraph.Read(args[1]);
        var o = new LayoutOptions { Direction = d };
        for (int i = 0; i < 2; i++) LayeredLayout.Run(g, o);
        // Minimum of 3 traced runs per phase: the shared machine's load spikes hit single phases.
        var best = new Dictionary<string, double>(StringComparer.Ordinal);
        var order = new List<string>();
        for (int i = 0; i < 3; i++)
            LayeredLayout.Run(g, o, (phase, t) =>
            {
                if (!best.TryGetValue(phase, out double b)) { order.Add(phase); b = double.MaxValue; }
                best[phase] = Math.Min(b, t.TotalMilliseconds);
            });
        foreach (var phase in order) Console.WriteLine($"{phase,-28} {best[phase],8:0.00} ms");
        return 0;
    }
    default:
        return Usage();
}

static int Usage()
{
    Console.Error.WriteLine("usage: NetVizGen.Bench layout IN.json OUT.json | timing [CORPUS_DIR] [--reps N] | scaling [--reps N] | dense [--reps N] [--max N] | phases IN.json|synthetic:N|dense:N");
    return 2;
}

static (double, double) Trim((double Median, double Min, double First) m) => (m.Median, m.Min);

static int ArgInt(string[] args, string name, int fallback)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static int Reps(string[] args, int fallback)
{
    int i = Array.IndexOf(args, "--reps");
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static string DefaultCorpus()
{
    // The test project carries a copy of the shared corpus, so this works from a fresh clone.
    var dir = AppContext.BaseDirectory;
    for (int i = 0; i < 8 && dir is not null; i++, dir = Path.GetDirectoryName(dir))
    {
        var c = Path.Combine(dir, "tests", "NetVizGen.Layout.Tests", "Corpus");
        if (Directory.Exists(c)) return c;
    }
    throw new DirectoryNotFoundException("corpus folder not found; pass it as an argument");
}

static (double Median, double Min, double First) Measure(Action run, int reps)
{
    var sw = Stopwatch.StartNew();
    run();
    double first = sw.Elapsed.TotalMilliseconds;
    // Warm up until the JIT has settled (tiered compilation), then time.
    for (int i = 0; i < 3; i++) run();
    var times = new double[reps];
    for (int i = 0; i < reps; i++)
    {
        sw.Restart();
        run();
        times[i] = sw.Elapsed.TotalMilliseconds;
    }
    Array.Sort(times);
    return (times[reps / 2], times[0], first);
}
