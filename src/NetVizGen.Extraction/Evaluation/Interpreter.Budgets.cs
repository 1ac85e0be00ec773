using Microsoft.CodeAnalysis;
using NetVizGen.Extraction.Construction;

namespace NetVizGen.Extraction.Evaluation;

/// <summary>The model-size budget: total work is bounded whatever the loops and repeat counts say.</summary>
internal sealed partial class Interpreter
{
    private int _modules;

    /// <summary>The first module built (for a class target, the model itself), kept to draw a model cut at the budget.</summary>
    internal ModuleValue? FirstModule { get; private set; }

    /// <summary>Counts a built module; throws <see cref="BudgetExceededException"/> past <see cref="ExtractionLimits.MaxModules"/>.</summary>
    private void CountModule(ModuleValue module, SyntaxNode? site)
    {
        FirstModule ??= module;
        _cancellation.ThrowIfCancellationRequested();
        if (++_modules > _limits.MaxModules)
            throw new BudgetExceededException(
                $"it builds more than {_limits.MaxModules.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} modules",
                site is null ? null : Spans.Of(site));
    }

    /// <summary>The limits in force (the flow graph reads its own from here).</summary>
    internal ExtractionLimits Limits => _limits;
}
