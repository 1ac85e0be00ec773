using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetVizGen.Extraction.Incremental;

/// <summary>
/// The declarations of one syntax tree, hashed per <em>name</em>: what lets the extraction cache tell a
/// declaration change that can reach a model (a const it reads, an overload of a method it calls, a new
/// type that shadows one it names) from one that cannot (a method added to a class no model mentions).
/// </summary>
/// <remarks>
/// C# binds a name by looking up declarations of that name, so a declaration can only change how code that
/// never mentions its name binds in a few ways, and those go to <see cref="Global"/> (any change there is
/// a miss for every model) or to names every model counts as mentioned (<see cref="MentionedNames"/>):
/// - global usings, extern aliases, assembly and module attributes, operators and conversions (applied by
///   the types of operands, not by a name), and any member kind not listed below: <see cref="Global"/>;
/// - the header of a type (attributes, modifiers, kind, type parameters, base list, constraints, record
///   parameters): by the type's full name in <see cref="Types"/>. A header that changed on a type that is
///   there before and after changes conversions of expressions whose type is never named (<c>var</c>), so
///   <see cref="DeclarationChanges"/> treats it as global; a new or removed type is a change of its name;
/// - every member by its simple name (a field by each variable's name, an indexer as <c>this</c>, a
///   constructor by its type's name and as <c>.ctor</c>, for target-typed <c>new(...)</c>), and also under
///   <c>.m:</c> and its type's full name: code that enumerates a type's members (registering a module's
///   fields, its base's too) depends on members it never names;
/// - an enum's members all hash the whole member list (a new member shifts the implicit values after it);
/// - top-level statements under <c>Program</c>, the type they make;
/// - namespaces by full name in <see cref="Namespaces"/>: only one that begins or ceases to exist changes a
///   lookup (of its last part), so a new file in an existing namespace changes no name.
/// Each declaration's hash includes its file's context: non-global usings and aliases, preprocessor
/// directives (<c>#nullable</c> changes the annotations after it) and its namespace and containing types,
/// so a using added to a file changes the names that file declares, and a member moved to another type
/// changes its name. Bodies are left out exactly as in <see cref="DeclarationSkeleton"/>.
/// <see cref="Skeleton"/> combines all of it in order: equal skeletons mean no declaration changed.
/// Names and types are sorted arrays (compact: the table of tree contents holds thousands).
/// </remarks>
internal sealed class TreeDeclarations
{
    /// <summary>The name under which every constructor is also hashed (target-typed <c>new(...)</c> names no type).</summary>
    public const string ConstructorName = ".ctor";

    /// <summary>The name under which an indexer is hashed (an element access names none).</summary>
    public const string IndexerName = "this";

    /// <summary>The name under which the members of the type with key <paramref name="fullName"/> (<see cref="FullName"/>) are hashed together.</summary>
    public static string MembersOf(string fullName) => ".m:" + fullName;

    /// <summary>
    /// The key of a declared type as <see cref="Types"/> holds it: namespaces joined by '.', containing types
    /// by '+', and a type's arity after a backquote (<c>App.Outer+Inner`1</c>); every part of a partial type has
    /// the same key.
    /// </summary>
    public static string FullName(MemberDeclarationSyntax type)
    {
        var parts = new List<string>();
        for (SyntaxNode? node = type; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case BaseNamespaceDeclarationSyntax ns: parts.Add(ns.Name + "."); break;
                case TypeDeclarationSyntax t: parts.Add(t.Identifier.ValueText + Arity(t.TypeParameterList) + (ReferenceEquals(node, type) ? "" : "+")); break;
                case EnumDeclarationSyntax e: parts.Add(e.Identifier.ValueText); break;
                case DelegateDeclarationSyntax d: parts.Add(d.Identifier.ValueText + Arity(d.TypeParameterList)); break;
            }
        }
        parts.Reverse();
        return string.Concat(parts);
    }

    /// <summary>The simple name in a key made by <see cref="FullName"/>.</summary>
    public static string SimpleName(string fullName)
    {
        int start = Math.Max(fullName.LastIndexOf('.'), fullName.LastIndexOf('+')) + 1;
        int tick = fullName.IndexOf('`', start);
        return tick < 0 ? fullName.Substring(start) : fullName.Substring(start, tick - start);
    }

    private static string Arity(TypeParameterListSyntax? list) => list is null ? "" : "`" + list.Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private TreeDeclarations(ulong skeleton, ulong global, string[] names, ulong[] nameHashes, string[] types, ulong[] typeHashes, string[] namespaces)
    {
        Namespaces = namespaces;
        Skeleton = skeleton;
        Global = global;
        Names = names;
        NameHashes = nameHashes;
        Types = types;
        TypeHashes = typeHashes;
    }

    /// <summary>Everything below, in declaration order: equal only when no declaration of the tree changed.</summary>
    public ulong Skeleton { get; }

    /// <summary>Declarations that can change how any file binds, whatever it mentions.</summary>
    public ulong Global { get; }

    /// <summary>Declared names, sorted ordinally; <see cref="NameHashes"/> holds each one's hash.</summary>
    public string[] Names { get; }

    /// <summary>The hash of every declaration of <see cref="Names"/>[i] in this tree.</summary>
    public ulong[] NameHashes { get; }

    /// <summary>Full names of the types declared (each part of a partial type), sorted ordinally.</summary>
    public string[] Types { get; }

    /// <summary>The hash of the header(s) of <see cref="Types"/>[i] in this tree.</summary>
    public ulong[] TypeHashes { get; }

    /// <summary>Full names of the namespaces declared, each enclosing one too (<c>A</c> and <c>A.B</c>), sorted ordinally.</summary>
    public string[] Namespaces { get; }

    /// <summary>Reads the declarations of the tree under <paramref name="root"/>.</summary>
    public static TreeDeclarations Compute(SyntaxNode root, CancellationToken cancellation)
    {
        var walker = new Walker(cancellation);
        walker.Run(root);
        return walker.Result();
    }

    private sealed class Walker
    {
        private readonly CancellationToken _cancellation;
        private readonly Dictionary<string, ulong> _names = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ulong> _types = new(StringComparer.Ordinal);
        private readonly HashSet<string> _namespaces = new(StringComparer.Ordinal);
        private ulong _global = DeclarationSkeleton.OffsetBasis;
        private ulong _skeleton = DeclarationSkeleton.OffsetBasis;

        public Walker(CancellationToken cancellation) => _cancellation = cancellation;

        public void Run(SyntaxNode root)
        {
            if (root is not CompilationUnitSyntax unit)
            {
                // Not a C# file as the parser makes them: everything is global.
                AddGlobal(DeclarationSkeleton.HashTokens(DeclarationSkeleton.OffsetBasis, root, _cancellation));
                return;
            }

            var context = FileContext(unit);
            foreach (var u in unit.Usings)
            {
                if (!u.GlobalKeyword.IsKind(SyntaxKind.None)) AddGlobal(DeclarationSkeleton.HashTokens(DeclarationSkeleton.OffsetBasis, u, _cancellation));
            }
            foreach (var list in unit.AttributeLists) AddGlobal(DeclarationSkeleton.HashTokens(DeclarationSkeleton.OffsetBasis, list, _cancellation));
            foreach (var e in unit.Externs) AddGlobal(DeclarationSkeleton.HashTokens(DeclarationSkeleton.OffsetBasis, e, _cancellation));
            Members(unit.Members, context, container: "", typeFullName: null);
        }

        public TreeDeclarations Result()
        {
            var names = _names.Keys.OrderBy(n => n, StringComparer.Ordinal).ToArray();
            var types = _types.Keys.OrderBy(n => n, StringComparer.Ordinal).ToArray();
            var skeleton = DeclarationSkeleton.Add(_skeleton, _global);
            var namespaces = _namespaces.OrderBy(n => n, StringComparer.Ordinal).ToArray();
            return new TreeDeclarations(skeleton, _global, names, names.Select(n => _names[n]).ToArray(), types, types.Select(t => _types[t]).ToArray(), namespaces);
        }

        /// <summary>What every declaration of the file binds under: its usings, aliases and directives.</summary>
        private ulong FileContext(CompilationUnitSyntax unit)
        {
            ulong h = DeclarationSkeleton.OffsetBasis;
            foreach (var node in unit.DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax))
            {
                if (node is UsingDirectiveSyntax u && u.GlobalKeyword.IsKind(SyntaxKind.None) || node is ExternAliasDirectiveSyntax)
                    h = DeclarationSkeleton.HashTokens(h, node, _cancellation);
            }
            return DeclarationSkeleton.AddDirectives(h, unit);
        }

        private void Members(SyntaxList<MemberDeclarationSyntax> members, ulong context, string container, string? typeFullName)
        {
            foreach (var member in members)
            {
                _cancellation.ThrowIfCancellationRequested();
                Member(member, context, container, typeFullName);
            }
        }

        private void Member(MemberDeclarationSyntax member, ulong context, string container, string? typeFullName)
        {
            switch (member)
            {
                case BaseNamespaceDeclarationSyntax ns:
                {
                    // A namespace is not hashed by name: another file declaring it changes nothing. Whether it
                    // exists at all is what lookups see (DeclarationChanges compares that).
                    var name = ns.Name.ToString();
                    var inner = DeclarationSkeleton.Add(context, "namespace " + name);
                    var full = container;
                    foreach (var part in ns.Name.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)))
                    {
                        full += part.ValueText;
                        AddNamespace(full);
                        full += ".";
                    }
                    Members(ns.Members, inner, container + name + ".", typeFullName: null);
                    break;
                }
                case EnumDeclarationSyntax e:
                {
                    var full = container + e.Identifier.ValueText;
                    var header = Tokens(e.BaseList is not null || e.AttributeLists.Count > 0 ? context : DeclarationSkeleton.OffsetBasis, full, e.AttributeLists, e.Modifiers, e.EnumKeyword, e.Identifier, e.BaseList);
                    AddType(full, header);
                    AddName(e.Identifier.ValueText, header, typeFullName);
                    // One hash for the whole member list: a member added shifts the implicit values after it.
                    var list = DeclarationSkeleton.Add(header, "members");
                    foreach (var m in e.Members) list = DeclarationSkeleton.HashTokens(list, m, _cancellation);
                    foreach (var m in e.Members) AddName(m.Identifier.ValueText, list, full);
                    break;
                }
                case TypeDeclarationSyntax t:
                {
                    var full = container + t.Identifier.ValueText + Arity(t.TypeParameterList);
                    var recordKind = t is RecordDeclarationSyntax r ? r.ClassOrStructKeyword : default;
                    // The file's usings can only change a header through the names in it (base types, constraints,
                    // attributes, record parameters): without them a using added to the file leaves the header as it is.
                    var bindsNames = t.BaseList is not null || t.ConstraintClauses.Count > 0 || t.AttributeLists.Count > 0 || t.ParameterList is not null;
                    var header = Tokens(bindsNames ? context : DeclarationSkeleton.OffsetBasis, full, t.AttributeLists, t.Modifiers, t.Keyword, recordKind, t.Identifier, t.TypeParameterList, t.ParameterList, t.BaseList);
                    foreach (var clause in t.ConstraintClauses) header = DeclarationSkeleton.HashTokens(header, clause, _cancellation);
                    AddType(full, header);
                    AddName(t.Identifier.ValueText, header, typeFullName);
                    Members(t.Members, DeclarationSkeleton.Add(context, full), full + "+", full);
                    break;
                }
                case DelegateDeclarationSyntax d:
                {
                    var full = container + d.Identifier.ValueText + Arity(d.TypeParameterList);
                    var h = DeclarationSkeleton.HashTokens(DeclarationSkeleton.Add(context, full), d, _cancellation);
                    AddType(full, h);
                    AddName(d.Identifier.ValueText, h, typeFullName);
                    break;
                }
                case MethodDeclarationSyntax m:
                    AddName(m.Identifier.ValueText, Whole(context, m), typeFullName);
                    break;
                case ConstructorDeclarationSyntax c:
                {
                    var h = Whole(context, c);
                    AddName(c.Identifier.ValueText, h, typeFullName);
                    AddName(ConstructorName, h, typeFullName: null);
                    break;
                }
                case DestructorDeclarationSyntax dtor:
                    AddName("~" + dtor.Identifier.ValueText, Whole(context, dtor), typeFullName);
                    break;
                case PropertyDeclarationSyntax p:
                    AddName(p.Identifier.ValueText, Whole(context, p), typeFullName);
                    break;
                case EventDeclarationSyntax ev:
                    AddName(ev.Identifier.ValueText, Whole(context, ev), typeFullName);
                    break;
                case IndexerDeclarationSyntax ix:
                    AddName(IndexerName, Whole(context, ix), typeFullName);
                    break;
                case BaseFieldDeclarationSyntax f:
                {
                    var h = Whole(context, f);
                    foreach (var v in f.Declaration.Variables) AddName(v.Identifier.ValueText, h, typeFullName);
                    break;
                }
                case GlobalStatementSyntax g:
                    // Top-level statements make the Program type; they are kept whole (see DeclarationSkeleton).
                    AddName("Program", Whole(context, g), typeFullName: null);
                    break;
                default:
                    // Operators, conversions, incomplete members and anything newer than this code: found by the
                    // types of operands or not at all by name, so a change there is a change for every model.
                    AddGlobal(Whole(context, member));
                    break;
            }
        }

        private ulong Whole(ulong context, SyntaxNode node) => DeclarationSkeleton.HashTokens(context, node, _cancellation);

        private ulong Tokens(ulong context, string fullName, SyntaxList<AttributeListSyntax> attributes, SyntaxTokenList modifiers, params object?[] parts)
        {
            var h = DeclarationSkeleton.Add(context, fullName);
            foreach (var a in attributes) h = DeclarationSkeleton.HashTokens(h, a, _cancellation);
            foreach (var m in modifiers) h = DeclarationSkeleton.HashToken(h, m);
            foreach (var part in parts)
            {
                h = part switch
                {
                    SyntaxToken token => DeclarationSkeleton.HashToken(h, token),
                    SyntaxNode node => DeclarationSkeleton.HashTokens(h, node, _cancellation),
                    _ => DeclarationSkeleton.Add(h, 0UL),
                };
            }
            return h;
        }

        private void AddName(string name, ulong hash, string? typeFullName)
        {
            Combine(_names, name, hash);
            if (typeFullName is not null) Combine(_names, MembersOf(typeFullName), hash);
            _skeleton = DeclarationSkeleton.Add(DeclarationSkeleton.Add(_skeleton, name), hash);
        }

        private void AddNamespace(string fullName)
        {
            if (_namespaces.Add(fullName)) _skeleton = DeclarationSkeleton.Add(_skeleton, "namespace " + fullName);
        }

        private void AddType(string fullName, ulong hash)
        {
            Combine(_types, fullName, hash);
            _skeleton = DeclarationSkeleton.Add(DeclarationSkeleton.Add(_skeleton, "type " + fullName), hash);
        }

        private void AddGlobal(ulong hash)
        {
            _global = DeclarationSkeleton.Add(_global, hash);
        }

        private static void Combine(Dictionary<string, ulong> table, string key, ulong hash)
        {
            table[key] = table.TryGetValue(key, out var previous)
                ? DeclarationSkeleton.Add(previous, hash)
                : DeclarationSkeleton.Add(DeclarationSkeleton.OffsetBasis, hash);
        }
    }
}
