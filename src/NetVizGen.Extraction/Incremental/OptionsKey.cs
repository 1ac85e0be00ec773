using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace NetVizGen.Extraction.Incremental;

/// <summary>
/// A compilation's options as the extraction cache compares them: every value option (nullable context,
/// checked arithmetic, usings, unsafe, platform, keys...) by value, and, in place of the per-build service
/// objects, what they decide that binding can see. Computed once per compilation.
/// </summary>
/// <remarks>
/// The command-line compiler gives every build new resolver objects whose <c>Equals</c> is not even
/// implemented (its <c>LoggingMetadataFileReferenceResolver</c> throws <see cref="NotImplementedException"/>),
/// so comparing the options of two builds as they are throws in the compiler server. Left out therefore:
/// the metadata, source and XML reference resolvers and the strong-name provider (they resolve <c>#r</c>,
/// <c>#load</c>, doc-comment includes and signing, none of which extraction reads; the references
/// themselves are compared by <see cref="ReferenceKey"/>, the key file and public key stay in the options),
/// and the syntax-tree options provider, replaced by what it decides per tree that can change binding:
/// whether the tree is generated code (generated code starts with nullable disabled). Anything that still
/// throws is a miss.
/// Left out too: the diagnostic options (<c>NoWarn</c>, <c>WarningLevel</c>, <c>TreatWarningsAsErrors</c>,
/// <c>WarningsAsErrors</c>). They decide which diagnostics the compiler reports, never what binding sees, and
/// the compiler applies them to the generator's diagnostics after the generator ran, cached or not; with
/// them in the key, switching a warning off re-extracted every model (about a second on the benchmark project).
/// </remarks>
internal sealed class OptionsKey
{
    private static readonly ConditionalWeakTable<Compilation, OptionsKey> s_compilations = new();

    private readonly CompilationOptions _options;
    private readonly string _generated;

    private OptionsKey(CompilationOptions options, string generated)
    {
        _options = options;
        _generated = generated;
    }

    /// <summary>The options key of <paramref name="compilation"/>.</summary>
    public static OptionsKey Of(Compilation compilation, CancellationToken cancellation)
    {
        if (s_compilations.TryGetValue(compilation, out var key)) return key;
        var o = compilation.Options;
        var provider = o.SyntaxTreeOptionsProvider;
        var generated = provider is null
            ? ""
            : string.Concat(compilation.SyntaxTrees.Select(t => ((int)provider.IsGenerated(t, cancellation)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var normalized = o.WithMetadataReferenceResolver(null)
            .WithSourceReferenceResolver(null)
            .WithXmlReferenceResolver(null)
            .WithStrongNameProvider(null)
            .WithSyntaxTreeOptionsProvider(null)
            .WithGeneralDiagnosticOption(ReportDiagnostic.Default)
            .WithSpecificDiagnosticOptions(System.Collections.Immutable.ImmutableDictionary<string, ReportDiagnostic>.Empty)
            .WithReportSuppressedDiagnostics(false);
        if (normalized is Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions csharp) normalized = csharp.WithWarningLevel(0);
        var computed = new OptionsKey(normalized, generated);
        return s_compilations.GetValue(compilation, _ => computed);
    }

    /// <summary>True when both keys are of options that bind alike (false if comparing them throws).</summary>
    public bool Same(OptionsKey other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (!string.Equals(_generated, other._generated, StringComparison.Ordinal)) return false;
        try
        {
            return _options.Equals(other._options);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return false; // an option object without value equality: a miss, never a crash
        }
    }
}
