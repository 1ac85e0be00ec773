using System.Reflection;
using ModelZoo;

namespace NetVizGen.Oracle.Tests;

/// <summary>
/// Static extraction (the generator's manifests embedded in ModelZoo) versus the TorchSharp runtime.
/// Until the generator is referenced by ModelZoo these fail with
/// "no NetVizGen manifest found in assembly ModelZoo (is the generator referenced?)".
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class ComparisonTests
{
    private static readonly Assembly Zoo = typeof(LeNet5).Assembly;

    [Theory]
    [MemberData(nameof(ZooTable.Ids), MemberType = typeof(ZooTable))]
    public void Static_extraction_matches_runtime(string id)
    {
        var spec = ManifestCatalog.Require(Zoo, id);
        var entry = ZooTable.Get(id);
        Assert.True(spec.Input == entry.DeclaredInput,
            $"{id}: manifest input '{spec.Input}' differs from the zoo table's '{entry.DeclaredInput}'");

        // Run at the declared input (symbolic N bound to 1), so concrete static shapes are comparable.
        var report = ZooTable.Run(id, ZooEntry.ParseInput(spec.Input));
        var result = OracleComparer.Compare(spec, report);
        if (ZooTable.TorchVisionTwin.TryGetValue(id, out var twin) && TorchVisionTable.Pending.TryGetValue(twin, out var pending))
        {
            // A package model with a known evaluator gap (see TorchVisionTable.Pending): it must fail in that way.
            Assert.False(result.IsMatch, $"{id} now matches the runtime: remove {twin} from TorchVisionTable.Pending ({pending.Reason})");
            Assert.Contains(pending.Symptom, result.Describe());
            return;
        }
        if (entry.KnownGap is not null)
        {
            Assert.False(result.IsMatch, $"{id} now matches the runtime: remove its KnownGap ({entry.KnownGap}).");
            Assert.All(result.Mismatches, m => Assert.True(m.Aspect == "shape" && m.Static.StartsWith('?'), result.Describe()));
            return;
        }
        Assert.True(result.IsMatch, result.Describe());
    }

    [Fact]
    public void Every_manifest_has_a_zoo_table_entry()
    {
        var manifests = ManifestCatalog.ReadAll(Zoo);
        if (manifests.Count == 0) Assert.Fail(ManifestCatalog.NoManifestMessage(Zoo));
        var missing = manifests.Keys.Where(k => ZooTable.Entries.All(e => e.Id != k)).Order().ToList();
        Assert.True(missing.Count == 0, $"manifests without a ZooTable entry: {string.Join(", ", missing)}");
    }
}

/// <summary>The zoo table agrees with the [Diagram] attributes written in the zoo (ids and inputs).</summary>
public sealed class ZooTableTests
{
    [Fact]
    public void Table_matches_the_Diagram_attributes()
    {
        var zoo = typeof(LeNet5).Assembly;
        var declared = new Dictionary<string, string>();
        foreach (var type in zoo.GetTypes())
        {
            foreach (var member in new MemberInfo[] { type }.Concat(type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)))
            {
                foreach (var attr in member.GetCustomAttributes(inherit: false).Where(a => a.GetType().FullName == "NetVizGen.DiagramAttribute"))
                {
                    var t = attr.GetType();
                    var name = (string?)t.GetProperty("Name")?.GetValue(attr) ?? type.Name;
                    declared[name] = (string?)t.GetProperty("Input")?.GetValue(attr) ?? "";
                }
            }
        }
        if (declared.Count == 0) return; // attribute not kept in metadata (e.g. a [Conditional] generator attribute)

        Assert.Equal(declared.Keys.Order(), ZooTable.Entries.Select(e => e.Id).Order());
        Assert.All(ZooTable.Entries, e => Assert.Equal(declared[e.Id], e.DeclaredInput));
    }
}
