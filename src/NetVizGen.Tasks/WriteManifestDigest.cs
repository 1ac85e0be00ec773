using Microsoft.Build.Framework;
using NetVizGen.Tasks.Incremental;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace NetVizGen.Tasks;

/// <summary>
/// Writes the digest of the built assembly's manifests (<see cref="ManifestDigest"/>) to a file in <c>obj/</c>,
/// touching it only when the manifests changed. The docs target takes that file as its input instead of the
/// assembly: after an edit no model reads, the assembly changes but the digest does not, and the docs target
/// is skipped as on a no-change build (it would only have found every model unchanged).
/// </summary>
public sealed class WriteManifestDigest : MSBuildTask
{
    /// <summary>The compiled assembly holding the manifests (the intermediate assembly).</summary>
    [Required]
    public string AssemblyPath { get; set; } = "";

    /// <summary>The digest file to bring up to date.</summary>
    [Required]
    public string DigestFile { get; set; } = "";

    /// <summary>True when the manifests differ from the last digest (the file was written).</summary>
    [Output]
    public bool Changed { get; private set; }

    /// <inheritdoc/>
    public override bool Execute()
    {
        try
        {
            var carried = ManifestReader.ReadCarried(AssemblyPath);
            Changed = ManifestDigest.WriteIfChanged(DigestFile, ManifestDigest.Of(carried));
            Log.LogMessage(MessageImportance.Normal, Changed
                ? "NetVizGen: the manifests of {0} model(s) changed; the docs are brought up to date"
                : "NetVizGen: the manifests of {0} model(s) are unchanged; the docs are up to date", carried.Count);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException)
        {
            // Never a failed build over a digest: without the file the docs target runs (a missing input is
            // out of date) and reports whatever is wrong with the assembly itself.
            Log.LogMessage(MessageImportance.Low, "NetVizGen: no manifest digest ({0}); the docs target runs", e.Message);
            try { if (File.Exists(DigestFile)) File.Delete(DigestFile); }
            catch (Exception d) when (d is IOException or UnauthorizedAccessException) { }
            Changed = true;
        }
        return true;
    }
}
