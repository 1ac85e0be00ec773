namespace NetVizGen.Tasks.Tests;

/// <summary>Verify mode: the same folder rules as Sync, but it only reports what Sync would change.</summary>
public sealed class OwnedFileWriterVerifyTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "nvg-verify-" + Guid.NewGuid().ToString("N"));

    public OwnedFileWriterVerifyTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Dictionary<string, string> Snapshot() =>
        Directory.GetFiles(_dir, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);

    [Fact]
    public void Current_docs_verify_clean_and_nothing_is_written()
    {
        new OwnedFileWriter(_dir).Sync([("a.md", "A"), ("a.svg", "S")]);
        var before = Snapshot();
        Assert.Empty(new OwnedFileWriter(_dir).Verify([("a.md", "A"), ("a.svg", "S")]));
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void Stale_missing_and_obsolete_files_are_each_listed_and_nothing_is_written()
    {
        new OwnedFileWriter(_dir).Sync([("a.md", "A"), ("old.svg", "O"), ("same.svg", "S")]);
        var before = Snapshot();
        var stale = new OwnedFileWriter(_dir).Verify([("a.md", "A2"), ("new.svg", "N"), ("same.svg", "S")]);
        Assert.Equal([("a.md", "out of date"), ("new.svg", "missing"), ("old.svg", "no longer generated")], stale);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void A_crlf_checkout_of_current_docs_is_not_stale()
    {
        new OwnedFileWriter(_dir).Sync([("a.md", "line 1\nline 2\n")]);
        File.WriteAllText(Path.Combine(_dir, "a.md"), "line 1\r\nline 2\r\n");
        Assert.Empty(new OwnedFileWriter(_dir).Verify([("a.md", "line 1\nline 2\n")]));
    }

    [Fact]
    public void The_message_lists_every_file_and_the_fixing_command()
    {
        var message = DocsJob.StaleMessage("/p/docs", [("A.svg", "out of date"), ("A.model.json", "missing")], "dotnet build");
        Assert.Equal("NetVizGen docs are not up to date with the code; 2 file(s) differ:\n  /p/docs/A.svg (out of date)\n  /p/docs/A.model.json (missing)\nRun `dotnet build` and commit the docs folder.", message);
    }
}
