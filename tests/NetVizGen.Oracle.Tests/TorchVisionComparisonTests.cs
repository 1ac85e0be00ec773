using System.Reflection;
using TorchSharp;
using TorchVisionZoo;
using static TorchSharp.torch;

namespace NetVizGen.Oracle.Tests;

/// <summary>
/// Models from a package: the static extraction of every torchvision.models factory (the generator read
/// TorchVision's decompiled IL, no copied source) against the same model built and run by the TorchSharp
/// runtime: module tree, parameter and buffer counts, per-call output shapes at the declared input.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class TorchVisionComparisonTests
{
    private static readonly Assembly Zoo = typeof(TorchVisionModels).Assembly;

    [Theory]
    [MemberData(nameof(TorchVisionTable.Ids), MemberType = typeof(TorchVisionTable))]
    public void Static_extraction_of_the_package_model_matches_runtime(string id)
    {
        var spec = ManifestCatalog.Require(Zoo, id);
        var entry = TorchVisionTable.Get(id);
        Assert.Equal(entry.DeclaredInput, spec.Input);

        TorchRuntime.Ensure();
        using var scope = torch.NewDisposeScope();
        var model = entry.Create();
        try
        {
            var report = OracleHarness.Run(model, entry.MakeInput(entry.DeclaredInputShape));
            var result = OracleComparer.Compare(spec, report);
            if (TorchVisionTable.Pending.TryGetValue(id, out var pending))
            {
                // An expected failure with a known cause (see TorchVisionTable.Pending): it must fail in that way.
                Assert.False(result.IsMatch, $"{id} now matches the runtime: remove it from TorchVisionTable.Pending ({pending.Reason})");
                Assert.Contains(pending.Symptom, result.Describe());
                return;
            }
            Assert.True(result.IsMatch, result.Describe());
        }
        finally
        {
            model.Dispose();
        }
    }

    [Fact]
    public void Every_torchvision_factory_has_a_manifest_and_a_table_entry()
    {
        var factories = typeof(torchvision.models).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => typeof(nn.Module).IsAssignableFrom(m.ReturnType) && m.GetParameters().All(p => p.IsOptional))
            .Select(m => "tv_" + m.Name)
            .Distinct()
            .Order()
            .ToList();
        Assert.Equal(factories, TorchVisionTable.Entries.Select(e => e.Id).Order().ToList());
        var manifests = ManifestCatalog.ReadAll(Zoo);
        Assert.Equal(factories, manifests.Keys.Order().ToList());
    }
}
