using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using NetVizGen.Extraction;
using NetVizGen.Extraction.Incremental;
using NetVizGen.Extraction.Packages;
using NetVizGen.Model.Specs;

namespace NetVizGen.Generator;

/// <summary>
/// The NetVizGen incremental generator. Pipeline:
/// attribute targets (syntax stage, cached per file) → models (extraction + analysis, run on any
/// compilation change because blocks and helpers live in other files; <c>ExtractionCache</c> returns the
/// previous model when the edit cannot have changed it, and results are compared by value so nothing
/// downstream runs when the model did not change) → manifest sources and diagnostics.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class NetVizGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps (used by incrementality tests).</summary>
    public static class StepNames
    {
        /// <summary>The <c>[Diagram]</c> targets found by the syntax stage.</summary>
        public const string Targets = "NetVizGen.Targets";
        /// <summary>The decompiled code of referenced module assemblies (models from packages).</summary>
        public const string Decompiled = "NetVizGen.Decompiled";
        /// <summary>The extracted and analysed models.</summary>
        public const string Models = "NetVizGen.Models";
        /// <summary>The portable form of each model that is embedded (project-relative paths, line-level locations).</summary>
        public const string Manifests = "NetVizGen.Manifests";
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        context.RegisterPostInitializationOutput(static c => c.AddSource(AttributeSource.HintName, SourceText.From(AttributeSource.Text, System.Text.Encoding.UTF8)));

        var targets = context.SyntaxProvider.ForAttributeWithMetadataName(
                AttributeSource.AttributeMetadataName,
                static (node, _) => node is ClassDeclarationSyntax or MethodDeclarationSyntax,
                static (ctx, ct) => TargetParser.Parse(ctx, ct))
            .SelectMany(static (items, _) => items)
            .WithTrackingName(StepNames.Targets);

        // Models from packages: the build's decompile step passes the C# of referenced module assemblies as
        // AdditionalFiles marked NetVizGenDecompiledFrom (the generator reads no file itself). Parsed once
        // per file; the set is one value, re-used while no such file changes.
        var decompiled = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, ct) =>
            {
                var options = pair.Right.GetOptions(pair.Left);
                if (!options.TryGetValue(DecompiledFile.AssemblyMetadata, out var assembly) || string.IsNullOrWhiteSpace(assembly)) return null;
                if (pair.Left.GetText(ct) is not { } text) return null;
                var package = options.TryGetValue(DecompiledFile.PackageMetadata, out var p) && !string.IsNullOrWhiteSpace(p) ? p : assembly;
                return DecompiledFile.Parse(assembly, package, pair.Left.Path, text, ct);
            })
            .Where(static f => f is not null)
            .Collect()
            .Select(static (files, _) => files.IsEmpty ? DecompiledSources.Empty : new DecompiledSources(files.Select(f => f!).ToImmutableArray()))
            .WithTrackingName(StepNames.Decompiled);

        var models = targets
            .Combine(context.CompilationProvider)
            .Combine(decompiled)
            .Select(static (pair, ct) => ModelPipeline.Run(pair.Left.Left, pair.Left.Right, pair.Right, ct))
            .WithTrackingName(StepNames.Models);

        var options = context.AnalyzerConfigOptionsProvider.Select(static (p, _) => GeneratorOptions.From(p));

        // What is embedded holds project-relative paths and line-level locations only, so an edit
        // that merely shifts columns (a comment) or a different checkout folder changes nothing here.
        var manifests = models
            .Combine(options)
            .Select(static (pair, _) => PathRelativizer.Portable(pair.Left, pair.Right.ProjectDirectory))
            .WithTrackingName(StepNames.Manifests);

        // Sources and diagnostics go through separate outputs (as dotnet/runtime's generators do), so a
        // diagnostic-only change does not re-emit sources and vice versa.
        context.RegisterSourceOutput(manifests.Collect(), static (spc, all) =>
        {
            foreach (var model in ModelPipeline.Distinct(all))
                spc.AddSource(ManifestEmitter.HintName(model), SourceText.From(ManifestEmitter.Emit(model), System.Text.Encoding.UTF8));
        });

        // Locations must point into the compilation's own syntax trees: only then does the compiler
        // apply .editorconfig severities, #pragma warning and [SuppressMessage] to them.
        context.RegisterSourceOutput(models.Collect().Combine(context.CompilationProvider), static (spc, pair) =>
        {
            var trees = new Dictionary<string, SyntaxTree>(StringComparer.Ordinal);
            foreach (var tree in pair.Right.SyntaxTrees)
                if (!trees.ContainsKey(tree.FilePath)) trees.Add(tree.FilePath, tree);
            foreach (var note in RepeatedNotes.Merge(ModelPipeline.AllNotes(pair.Left))) spc.ReportDiagnostic(ToDiagnostic(note, trees));
        });

        // Opt-in (NetVizGenCacheReport=true): how many models this compilation took from the extraction
        // cache, so anyone can check that a rebuild in the compiler server re-uses the previous build's work.
        context.RegisterSourceOutput(models.Collect().Combine(context.CompilationProvider).Combine(options), static (spc, pair) =>
        {
            if (!pair.Right.CacheReport) return;
            var counts = ExtractionCache.CountsFor(pair.Left.Right);
            spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CacheReport, Location.None,
                pair.Left.Left.Length, counts.Hits, counts.Misses, counts.TreesWalked));
        });
    }

    private static Diagnostic ToDiagnostic(NoteSpec note, Dictionary<string, SyntaxTree> trees)
    {
        var location = Location.None;
        if (note.Source is { } s)
        {
            var span = new TextSpan(s.Start, s.Length);
            location = trees.TryGetValue(s.Path, out var tree) && span.End <= tree.Length
                ? Location.Create(tree, span)
                : Location.Create(s.Path, span, new LinePositionSpan(new LinePosition(s.Line, s.Column), new LinePosition(s.EndLine, s.EndColumn)));
        }
        return Diagnostic.Create(DiagnosticDescriptors.For(note), location, note.Message);
    }
}
