namespace NetVizGen.Fuzz.Tests.Cases;

/// <summary>One source file to run through the generator and the renderer.</summary>
/// <param name="Name">What the case is (mutation kind, zoo file, seed index) — shown on failure.</param>
/// <param name="Source">The C# source (the usual usings are part of it).</param>
/// <param name="CancelAfterMs">Cancel the generator after this long (0: a hang bound only, see <see cref="Running.Bounds"/>).</param>
/// <param name="Render">Also render the docs (off for cases about extraction alone).</param>
public sealed record FuzzCase(string Name, string Source, int CancelAfterMs = 0, bool Render = true);
