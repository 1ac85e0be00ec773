using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Diagram;

namespace NetVizGen.Rendering.Diff;

/// <summary>
/// Compares two model descriptions. Modules are matched by path (their stable identity); what is left
/// over is explained, in this order, as a repeat count change (<c>layer3 BasicBlock ×2 → ×3</c>), a likely
/// rename (same type, arguments and subtree; neighbours in the flow break ties), or an addition/removal
/// reported at its top-most module. Ops in <c>forward</c> have no path and are matched by
/// (scope, name, occurrence).
/// </summary>
public static class DescriptionDiffer
{
    /// <summary>Compares every model present on either side, matched by id.</summary>
    public static DiffReport Compare(IEnumerable<ModelSpec> oldModels, IEnumerable<ModelSpec> newModels)
    {
        var olds = oldModels.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var news = newModels.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var ids = olds.Keys.Union(news.Keys).OrderBy(i => i, StringComparer.Ordinal);
        return new DiffReport(ids.Select(id => Compare(olds.GetValueOrDefault(id), news.GetValueOrDefault(id))).ToList());
    }

    /// <summary>Compares one model's two versions; either may be null (added or removed model).</summary>
    public static ModelDiff Compare(ModelSpec? oldModel, ModelSpec? newModel)
    {
        if (oldModel is null && newModel is null) throw new ArgumentException("At least one side must exist.");
        if (oldModel is null) return new ModelDiff(newModel!.Id, ModelStatus.Added, null, newModel, [], []);
        if (newModel is null) return new ModelDiff(oldModel.Id, ModelStatus.Removed, oldModel, null, [], []);
        var changes = new Pairing(oldModel, newModel).Run();
        var model = new List<ChangeDetail>();
        Detail(model, "input", ModelFacts.InputShape(oldModel), ModelFacts.InputShape(newModel));
        Detail(model, "output", ModelFacts.OutputShape(oldModel), ModelFacts.OutputShape(newModel));
        if (oldModel.Root.Parameters != newModel.Root.Parameters)
            model.Add(new ChangeDetail("parameters", Count(oldModel.Root.Parameters), Count(newModel.Root.Parameters)));
        var status = changes.Count > 0 || model.Count > 0 ? ModelStatus.Changed : ModelStatus.Unchanged;
        return new ModelDiff(newModel.Id, status, oldModel, newModel, changes, model);
    }

    internal static string Count(long n) => n < 0 ? "?" : Numbers.Grouped(n);

    private static void Detail(List<ChangeDetail> into, string name, string oldValue, string newValue)
    {
        if (!string.Equals(oldValue, newValue, StringComparison.Ordinal)) into.Add(new ChangeDetail(name, oldValue, newValue));
    }

    /// <summary>The comparison state of one model pair.</summary>
    private sealed class Pairing
    {
        private readonly ModelSpec _old, _new;
        private readonly Dictionary<string, ModuleSpec> _oldMods, _newMods;
        private readonly Dictionary<string, int> _newOrder;
        private readonly HashSet<string> _oldHandled = new(StringComparer.Ordinal), _newHandled = new(StringComparer.Ordinal);
        // old path → new path for renamed subtrees.
        private readonly Dictionary<string, string> _renamed = new(StringComparer.Ordinal);
        private readonly List<(double Order, Change Change)> _changes = [];

        public Pairing(ModelSpec oldModel, ModelSpec newModel)
        {
            _old = oldModel;
            _new = newModel;
            _oldMods = Index(oldModel);
            _newMods = Index(newModel);
            _newOrder = newModel.Root.DescendantsAndSelf().Select((m, i) => (m.Path, i)).GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        }

        private static Dictionary<string, ModuleSpec> Index(ModelSpec m)
        {
            var d = new Dictionary<string, ModuleSpec>(StringComparer.Ordinal);
            foreach (var x in m.Root.DescendantsAndSelf()) d.TryAdd(x.Path, x);
            return d;
        }

        public List<Change> Run()
        {
            Repeats();
            var added = _newMods.Keys.Where(p => !_oldMods.ContainsKey(p) && !_newHandled.Contains(p)).ToHashSet(StringComparer.Ordinal);
            var removed = _oldMods.Keys.Where(p => !_newMods.ContainsKey(p) && !_oldHandled.Contains(p)).ToHashSet(StringComparer.Ordinal);
            var addedTop = _new.Root.DescendantsAndSelf().Select(m => m.Path).Distinct().Where(p => added.Contains(p) && !added.Contains(Parent(p))).ToList();
            var removedTop = _old.Root.DescendantsAndSelf().Select(m => m.Path).Distinct().Where(p => removed.Contains(p) && !removed.Contains(Parent(p))).ToList();
            Renames(removedTop, addedTop);
            FindSurvivors();

            foreach (var p in addedTop.Where(p => !_renamed.ContainsValue(p)))
            {
                var m = _newMods[p];
                _changes.Add((OrderOfNew(p), new Change(ChangeKind.Added, p, m.TypeName, [], ParameterDelta: Math.Max(0, m.Parameters))));
            }
            foreach (var p in removedTop.Where(p => !_renamed.ContainsKey(p)))
            {
                var m = _oldMods[p];
                _changes.Add((OrderOfOld(p), new Change(ChangeKind.Removed, p, m.TypeName, [], ParameterDelta: -Math.Max(0, m.Parameters))));
            }

            // Same path on both sides, or inside a renamed subtree.
            foreach (var (oldPath, o) in _oldMods)
            {
                string? newPath = _newMods.ContainsKey(oldPath) && !_oldHandled.Contains(oldPath) ? oldPath : MapRenamed(oldPath);
                if (newPath is null || !_newMods.TryGetValue(newPath, out var n)) continue;
                var details = Details(o, n);
                bool isRenameRoot = _renamed.TryGetValue(oldPath, out var target) && target == newPath;
                if (isRenameRoot)
                    _changes.Add((OrderOfNew(newPath), new Change(ChangeKind.Renamed, newPath, n.TypeName, details, OldPath: oldPath)));
                else if (details.Count > 0)
                    _changes.Add((OrderOfNew(newPath), new Change(ChangeKind.Changed, newPath, n.TypeName, details, ParameterDelta: LeafDelta(o, n))));
            }
            Ops(added, removed);
            return _changes.OrderBy(c => c.Order).ThenBy(c => c.Change.Kind).ThenBy(c => c.Change.Path, StringComparer.Ordinal).Select(c => c.Change).ToList();
        }

        private static long LeafDelta(ModuleSpec o, ModuleSpec n) =>
            n.Children.IsEmpty && o.Parameters >= 0 && n.Parameters >= 0 ? n.Parameters - o.Parameters : 0;

        // Numbered children (Sequential/ModuleList entries 0..N-1) of one type on both sides whose count differs.
        private void Repeats()
        {
            foreach (var (path, n) in _newMods)
            {
                if (!_oldMods.TryGetValue(path, out var o)) continue;
                var oldRun = Numbered(o);
                var newRun = Numbered(n);
                if (oldRun.Count == newRun.Count || oldRun.Count == 0 || newRun.Count == 0) continue;
                var types = oldRun.Concat(newRun).Select(c => c.TypeName).Distinct().ToList();
                if (types.Count != 1) continue;
                int common = Math.Min(oldRun.Count, newRun.Count);
                long delta = 0;
                foreach (var extra in newRun.Skip(common)) { MarkSubtree(_newHandled, extra); delta += Math.Max(0, extra.Parameters); }
                foreach (var extra in oldRun.Skip(common)) { MarkSubtree(_oldHandled, extra); delta -= Math.Max(0, extra.Parameters); }
                _changes.Add((OrderOfNew(path), new Change(ChangeKind.Repeat, path, types[0], [], OldCount: oldRun.Count, NewCount: newRun.Count, ParameterDelta: delta)));
            }
        }

        private static List<ModuleSpec> Numbered(ModuleSpec m)
        {
            var run = new List<ModuleSpec>();
            foreach (var c in m.Children)
            {
                if (c.Name != run.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)) break;
                run.Add(c);
            }
            return run.Count == m.Children.Count ? run : [];
        }

        private static void MarkSubtree(HashSet<string> set, ModuleSpec m)
        {
            foreach (var d in m.DescendantsAndSelf()) set.Add(d.Path);
        }

        // A removed and an added module of the same type, arguments and subtree are one module renamed.
        // Among several candidates the one sharing most flow neighbours (and then the same parent) wins.
        private void Renames(List<string> removedTop, List<string> addedTop)
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var r in removedTop)
            {
                var o = _oldMods[r];
                var sig = Signature(o, r);
                var oldNeighbours = Neighbours(_old, r).Select(p => MapRenamed(p) ?? p).ToHashSet(StringComparer.Ordinal);
                string? best = null;
                int bestScore = -1;
                foreach (var a in addedTop)
                {
                    if (used.Contains(a) || Signature(_newMods[a], a) != sig) continue;
                    int score = 2 * Neighbours(_new, a).Count(oldNeighbours.Contains) + (Parent(a) == Parent(r) ? 1 : 0);
                    if (score > bestScore) { best = a; bestScore = score; }
                }
                if (best is null || bestScore == 0) continue; // same type and arguments, but nothing else in common: not claimed as a rename
                used.Add(best);
                _renamed[r] = best;
            }
        }

        private string? MapRenamed(string oldPath)
        {
            foreach (var (from, to) in _renamed)
            {
                if (oldPath == from) return to;
                if (oldPath.StartsWith(from + ".", StringComparison.Ordinal)) return to + oldPath.Substring(from.Length);
            }
            return null;
        }

        private static string Signature(ModuleSpec m, string root) => string.Join(";",
            m.DescendantsAndSelf().Select(d => d.Path.Substring(root.Length) + ":" + d.TypeName + "(" + string.Join(",", d.Args.Select(a => a.Name + "=" + a.Value)) + ")"));

        // Module paths directly before and after a module's calls in the flow.
        private static IEnumerable<string> Neighbours(ModelSpec model, string path)
        {
            var byId = model.Flow.Nodes.ToDictionary(n => n.Id);
            bool Mine(FlowNodeSpec n) => n.Kind == FlowNodeKind.Module && (n.ModulePath == path || n.ModulePath.StartsWith(path + ".", StringComparison.Ordinal));
            var mine = model.Flow.Nodes.Where(Mine).Select(n => n.Id).ToHashSet();
            foreach (var n in model.Flow.Nodes)
            {
                if (mine.Contains(n.Id))
                {
                    foreach (var i in n.Inputs) if (byId.TryGetValue(i, out var src) && !mine.Contains(i)) yield return Identity(src);
                }
                else if (n.Inputs.Any(mine.Contains)) yield return Identity(n);
            }
        }

        private static string Identity(FlowNodeSpec n) => n.Kind switch
        {
            FlowNodeKind.Module => n.ModulePath,
            FlowNodeKind.Input => "input " + n.Name,
            FlowNodeKind.Output => "output",
            _ => n.Name + (n.Scope.Length > 0 ? " in " + n.Scope : ""),
        };

        private List<ChangeDetail> Details(ModuleSpec o, ModuleSpec n)
        {
            var d = new List<ChangeDetail>();
            if (o.TypeName != n.TypeName) d.Add(new ChangeDetail("type", o.TypeName, n.TypeName));
            foreach (var name in o.Args.Select(a => a.Name).Concat(n.Args.Select(a => a.Name)).Distinct())
            {
                var ov = o.Arg(name)?.ToString() ?? "";
                var nv = n.Arg(name)?.ToString() ?? "";
                Detail(d, name, ov, nv);
            }
            if (n.Children.IsEmpty || o.Children.IsEmpty)
            {
                Detail(d, "output", OwnShape(_old, o.Path), OwnShape(_new, n.Path));
                if (o.Parameters != n.Parameters) d.Add(new ChangeDetail("parameters", Count(o.Parameters), Count(n.Parameters)));
                var oi = Inputs(_old, o.Path, mapOld: true);
                var ni = Inputs(_new, n.Path, mapOld: false);
                // Only a pure rewiring between nodes that exist on both sides: an input that was added or
                // removed is already explained by its own plan line.
                if (oi is not null && ni is not null && oi.All(_survivors.Contains) && ni.All(_survivors.Contains))
                    Detail(d, "inputs", string.Join(", ", oi), string.Join(", ", ni));
            }
            return d;
        }

        private static string OwnShape(ModelSpec m, string path) =>
            m.Flow.Nodes.FirstOrDefault(f => f.Kind == FlowNodeKind.Module && f.ModulePath == path)?.Shape ?? "";

        // What feeds a module's first call, as identities in the new model's names.
        private List<string>? Inputs(ModelSpec m, string path, bool mapOld)
        {
            var call = m.Flow.Nodes.FirstOrDefault(f => f.Kind == FlowNodeKind.Module && f.ModulePath == path);
            if (call is null) return null;
            var byId = m.Flow.Nodes.ToDictionary(f => f.Id);
            return call.Inputs.Where(byId.ContainsKey).Select(i => MappedIdentity(byId[i], mapOld)).ToList();
        }

        private string MappedIdentity(FlowNodeSpec n, bool mapOld)
        {
            var id = Identity(n);
            return mapOld && n.Kind == FlowNodeKind.Module ? MapRenamed(id) ?? id : id;
        }

        // Flow identities present in both versions (old names mapped through renames).
        private HashSet<string> _survivors = new(StringComparer.Ordinal);

        private void FindSurvivors()
        {
            var oldIds = _old.Flow.Nodes.Select(n => MappedIdentity(n, mapOld: true)).ToHashSet(StringComparer.Ordinal);
            _survivors = _new.Flow.Nodes.Select(n => MappedIdentity(n, mapOld: false)).Where(oldIds.Contains).ToHashSet(StringComparer.Ordinal);
        }

        // Ops and merges: matched by (scope, name, k-th occurrence in that scope); ops inside added or
        // removed modules are part of that module's line.
        private void Ops(HashSet<string> added, HashSet<string> removed)
        {
            var oldOps = OpKeys(_old, scope => MapRenamed(scope) ?? scope);
            var newOps = OpKeys(_new, scope => scope);
            bool Covered(string scope, HashSet<string> modules, HashSet<string> handled) =>
                Prefixes(scope).Any(p => modules.Contains(p) || handled.Contains(p));
            foreach (var (key, n) in newOps)
            {
                if (oldOps.TryGetValue(key, out var o))
                {
                    var d = new List<ChangeDetail>();
                    foreach (var name in o.Args.Select(a => a.Name).Concat(n.Args.Select(a => a.Name)).Distinct())
                        Detail(d, name, o.Args.FirstOrDefault(a => a.Name == name)?.Value.ToString() ?? "", n.Args.FirstOrDefault(a => a.Name == name)?.Value.ToString() ?? "");
                    if (d.Count > 0) _changes.Add((OrderOfNew(n.Scope) + 0.5, new Change(ChangeKind.Changed, key, n.Name, d, IsOp: true)));
                }
                else if (!Covered(n.Scope, added, _newHandled))
                    _changes.Add((OrderOfNew(n.Scope) + 0.5, new Change(ChangeKind.Added, key, n.Name, [], IsOp: true)));
            }
            foreach (var (key, o) in oldOps)
            {
                if (newOps.ContainsKey(key) || Covered(o.Scope, removed, _oldHandled)) continue;
                _changes.Add((OrderOfOld(o.Scope) + 0.5, new Change(ChangeKind.Removed, key, o.Name, [], IsOp: true)));
            }
        }

        private static Dictionary<string, FlowNodeSpec> OpKeys(ModelSpec m, Func<string, string> scopeMap)
        {
            var keys = new Dictionary<string, FlowNodeSpec>(StringComparer.Ordinal);
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var n in m.Flow.Nodes)
            {
                if (n.Kind is not (FlowNodeKind.Op or FlowNodeKind.Merge)) continue;
                var scope = scopeMap(n.Scope);
                var baseKey = (scope.Length > 0 ? scope + "/" : "") + n.Name;
                seen.TryGetValue(baseKey, out int k);
                seen[baseKey] = k + 1;
                keys[k == 0 ? baseKey : baseKey + "#" + (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)] = n;
            }
            return keys;
        }

        private static IEnumerable<string> Prefixes(string path)
        {
            if (path.Length == 0) yield break;
            for (int i = path.IndexOf('.'); i >= 0; i = path.IndexOf('.', i + 1)) yield return path.Substring(0, i);
            yield return path;
        }

        private double OrderOfNew(string path)
        {
            for (var p = path; ; p = Parent(p))
            {
                if (_newOrder.TryGetValue(p, out var i)) return i;
                if (p.Length == 0) return 0;
            }
        }

        // A removed module sorts right after where its nearest surviving ancestor or previous sibling is.
        private double OrderOfOld(string path)
        {
            var oldList = _old.Root.DescendantsAndSelf().Select(m => m.Path).ToList();
            int at = oldList.IndexOf(path);
            for (int i = at - 1; i >= 0; i--)
            {
                var p = oldList[i];
                var mapped = _newMods.ContainsKey(p) && !_oldHandled.Contains(p) ? p : MapRenamed(p);
                if (mapped is not null && _newOrder.TryGetValue(mapped, out var k)) return k + 0.1;
            }
            return 0.1;
        }
    }

    internal static string Parent(string path)
    {
        int dot = path.LastIndexOf('.');
        return dot < 0 ? "" : path.Substring(0, dot);
    }
}
