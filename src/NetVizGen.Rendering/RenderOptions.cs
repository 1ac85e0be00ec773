using System.Globalization;
using System.Text;
using NetVizGen.Model.Specs;

namespace NetVizGen.Rendering;

/// <summary>Options for <see cref="DocumentationRenderer.Render"/>. The defaults suit a typical project.</summary>
public sealed class RenderOptions
{
    /// <summary>Overrides every model's <see cref="ModelSpec.Direction"/> when set. Diagrams are never drawn bottom-up.</summary>
    public FlowDirection? Direction { get; set; }

    /// <summary>
    /// How many levels of custom blocks the overview expands. 1 (the default) draws the model at
    /// block level: each top-level block is one card, with its own diagram page section. 2 opens
    /// those blocks and shows their sub-blocks as cards, and so on. -1 expands everything down to
    /// layers (good for small models). A model's own <see cref="ModelSpec.Depth"/> wins when it is 0 (every layer) or more.
    /// </summary>
    public int Depth { get; set; } = 1;

    /// <summary>Adds a Mermaid overview (inside <c>&lt;details&gt;</c>) to each Markdown page when GitHub's limits allow it.</summary>
    public bool Mermaid { get; set; }

    /// <summary>The project folder. Source links are emitted only for files under it. Empty: no source links.</summary>
    public string ProjectDirectory { get; set; } = "";

    /// <summary>The folder the generated files go to; source links are made relative to it. Empty: no source links.</summary>
    public string OutputDirectory { get; set; } = "";

    /// <summary>Name of the index page listing every model.</summary>
    public string IndexFileName { get; set; } = "README.md";

    /// <summary>
    /// Writes <c>Id.html</c> per model: one self-contained interactive page (expand blocks in place,
    /// pan/zoom, search, details, deep links), linked from the Markdown page.
    /// </summary>
    public bool Html { get; set; } = true;

    /// <summary>
    /// The repository's web address (MSBuild <c>RepositoryUrl</c>); with <see cref="SourceRevision"/>
    /// the interactive page links sources to <c>blob/&lt;rev&gt;/path#Lnn</c> on GitHub. Empty: relative links.
    /// </summary>
    public string RepositoryUrl { get; set; } = "";

    /// <summary>The commit the docs describe (MSBuild <c>SourceRevisionId</c>), for repository source links.</summary>
    public string SourceRevision { get; set; } = "";

    /// <summary>The repository's root folder, to make repository-relative source paths. Empty: none.</summary>
    public string RepositoryRoot { get; set; } = "";

    /// <summary>
    /// Draws a diagram that is exactly an encoder–decoder (a chain whose skip connections nest symmetrically,
    /// as in U-Net) as a U: each resolution level on its own line across the flow, encoder stepping away from
    /// the first line, decoder stepping back, skips running straight along their level. Default true.
    /// </summary>
    public bool EncoderDecoderLayout { get; set; } = true;

    /// <summary>
    /// Wraps a diagram much longer than wide (a long chain) into columns (top-down) or rows (left-right) whose
    /// overall flow-length to cross-width ratio comes nearest this value; 1.414 is a page. 0 never wraps.
    /// </summary>
    public double WrapAspectRatio { get; set; } = 1.414;

    /// <summary>Emit the dark-theme SVG next to each light one (referenced from Markdown through <c>&lt;picture&gt;</c>).</summary>
    public bool DarkMode { get; set; } = true;

    /// <summary>
    /// Every option's value in one string: equal fingerprints render equal files. Read by reflection
    /// over the public properties, so an option added later is part of it without anyone remembering
    /// to add it (a build's render cache keys on this).
    /// </summary>
    public string Fingerprint()
    {
        var text = new StringBuilder();
        foreach (var property in typeof(RenderOptions).GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var value = Convert.ToString(property.GetValue(this), CultureInfo.InvariantCulture) ?? "";
            // Length-prefixed, so no value can imitate the next option.
            text.Append(property.Name).Append('=').Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(';');
        }
        return text.ToString();
    }
}
