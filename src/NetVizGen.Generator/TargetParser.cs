using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using NetVizGen.Extraction;
using NetVizGen.Model.Specs;

namespace NetVizGen.Generator;

/// <summary>
/// The syntax-stage transform: turns each <c>[Diagram]</c> on a class or method into a plain
/// <see cref="DiagramTarget"/>. Only reads the attribute and the target's signature; no model code.
/// </summary>
internal static class TargetParser
{
    public static ImmutableArray<DiagramTarget> Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellation)
    {
        var builder = ImmutableArray.CreateBuilder<DiagramTarget>();
        foreach (var attribute in context.Attributes)
        {
            cancellation.ThrowIfCancellationRequested();
            builder.Add(ParseOne(context.TargetSymbol, attribute));
        }
        return builder.ToImmutable();
    }

    private static DiagramTarget ParseOne(ISymbol symbol, AttributeData attribute)
    {
        string? name = null, title = null, input = null;
        var direction = FlowDirection.TopDown;
        int depth = -1;
        var arguments = EquatableArray<ArgValue>.Empty;
        foreach (var named in attribute.NamedArguments)
        {
            switch (named.Key)
            {
                case "Name": name = named.Value.Value as string; break;
                case "Title": title = named.Value.Value as string; break;
                case "Input": input = named.Value.Value as string; break;
                case "Direction": direction = named.Value.Value is int d && d == 1 ? FlowDirection.LeftRight : FlowDirection.TopDown; break;
                case "Depth": depth = named.Value.Value is int v ? v : -1; break;
                case "Arguments":
                    if (!named.Value.IsNull && named.Value.Kind == TypedConstantKind.Array)
                        arguments = named.Value.Values.Select(ToArg).ToEquatableArray();
                    break;
            }
        }

        var source = attribute.ApplicationSyntaxReference is { } r ? NetVizGen.Extraction.Evaluation.Spans.Of(r.GetSyntax()) : null;
        string? error = null;
        string typeName;
        string? methodName = null;
        string defaultId;
        switch (symbol)
        {
            case INamedTypeSymbol type:
                typeName = MetadataName(type);
                defaultId = type.Name;
                if (!IsModule(type)) error = $"[Diagram] is on '{type.Name}', which does not derive from TorchSharp's torch.nn.Module";
                else if (type.IsAbstract) error = $"[Diagram] is on abstract class '{type.Name}'; put it on a concrete model or a factory method";
                else if (type.IsGenericType) error = $"[Diagram] is on generic class '{type.Name}'; put it on a static factory method that picks the type arguments";
                break;
            case IMethodSymbol method:
                typeName = MetadataName(method.ContainingType);
                methodName = method.Name;
                defaultId = method.Name;
                if (!method.IsStatic) error = $"[Diagram] is on instance method '{method.Name}'; it must be a static factory method";
                else if (!IsModule(method.ReturnType)) error = $"[Diagram] is on '{method.Name}', which does not return a TorchSharp module";
                else if (method.Parameters.Any(p => !p.HasExplicitDefaultValue) && arguments.Count < method.Parameters.Count(p => !p.HasExplicitDefaultValue))
                    error = $"Factory method '{method.Name}' takes parameters; give them in the attribute's Arguments or use a parameterless factory";
                break;
            default:
                typeName = "";
                defaultId = symbol.Name;
                error = "[Diagram] must be on a class or a static method";
                break;
        }
        if (error is null && name is null && !IsUsableDefaultId(defaultId))
            error = defaultId.Length == 0
                ? "[Diagram] is on a declaration without a name (unfinished code?); no files are written until it has one or the attribute gives a Name"
                : $"[Diagram] would write files named '{defaultId}', which Windows reserves; give the attribute a Name";
        if (error is null && name is not null && (!IsValidName(name) || !IsUsableDefaultId(name.Split('.')[0])))
            error = $"[Diagram] Name '{name}' is not a valid file name: use letters, digits, '_', '-' and single '.' only";
        return new DiagramTarget(typeName, methodName, defaultId, name, title, input, direction, depth, arguments, source, error);
    }

    /// <summary>
    /// The name becomes file names in the docs folder on every OS: a portable subset only (no
    /// separators, no ':' which Windows reads as a stream, no "..").
    /// </summary>
    private static bool IsValidName(string name)
    {
        if (name.Length == 0 || name.Length > 100 || name[0] == '.' || name.EndsWith(".", StringComparison.Ordinal) || name.Contains("..")) return false;
        foreach (var c in name)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '-' or '.')) return false;
        }
        return true;
    }

    /// <summary>
    /// A class or method name becomes the file names: half-typed code can leave it empty (the files
    /// would be ".svg" and ".md"), and Windows reserves device names (CON, NUL, COM1, ...) whatever the
    /// extension. C# identifiers cannot hold separators, so these are the cases left.
    /// </summary>
    private static bool IsUsableDefaultId(string id)
    {
        if (string.IsNullOrWhiteSpace(id)) return false;
        var upper = id.ToUpperInvariant();
        if (upper is "CON" or "PRN" or "AUX" or "NUL") return false;
        if (upper.Length == 4 && (upper.StartsWith("COM", StringComparison.Ordinal) || upper.StartsWith("LPT", StringComparison.Ordinal)) && upper[3] is >= '0' and <= '9') return false;
        return true;
    }

    private static ArgValue ToArg(TypedConstant c)
    {
        if (c.IsNull) return ArgValue.Null;
        if (c.Kind == TypedConstantKind.Array) return ArgValue.FromTuple(c.Values.Select(ToArg));
        if (c.Kind == TypedConstantKind.Enum && c.Type is { } enumType)
        {
            // By member name, so that it compares equal to the same member in the model's code.
            foreach (var member in enumType.GetMembers().OfType<IFieldSymbol>())
                if (member.HasConstantValue && Equals(member.ConstantValue, c.Value))
                    return new ArgValue(ArgKind.Symbol, Int: System.Convert.ToInt64(c.Value, System.Globalization.CultureInfo.InvariantCulture), Text: enumType.Name + "." + member.Name);
        }
        return c.Value switch
        {
            bool b => ArgValue.FromBool(b),
            int i => ArgValue.FromInt(i),
            long l => ArgValue.FromInt(l),
            short s => ArgValue.FromInt(s),
            byte b8 => ArgValue.FromInt(b8),
            double d => ArgValue.FromFloat(d),
            float f => ArgValue.FromFloat(f),
            string s => ArgValue.FromString(s),
            _ => ArgValue.Unknown,
        };
    }

    private static bool IsModule(ITypeSymbol? type)
    {
        // Compared part by part, not through ToDisplayString: this runs for every [Diagram] on every build (the
        // syntax stage is not cached across builds), and formatting each base type's name was most of its cost.
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.Name == "Module" && t.ContainingType is { Name: "nn" } nn && nn.ContainingType is { Name: "torch", ContainingType: null } torch
                && torch.ContainingNamespace is { Name: "TorchSharp" } ns && ns.ContainingNamespace is { IsGlobalNamespace: true })
                return true;
        }
        return false;
    }

    private static string MetadataName(INamedTypeSymbol type)
    {
        var parts = new Stack<string>();
        for (var t = type; t is not null; t = t.ContainingType) parts.Push(t.MetadataName);
        var typePart = string.Join("+", parts);
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : "";
        return ns + typePart;
    }
}
