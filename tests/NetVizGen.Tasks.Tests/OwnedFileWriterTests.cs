namespace NetVizGen.Tasks.Tests;

/// <summary>NetVizGen shares the docs folder with the user: it must never lose a file it did not write.</summary>
public sealed class OwnedFileWriterTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "nvg-owned-" + Guid.NewGuid().ToString("N"));

    public OwnedFileWriterTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private OwnedFileWriter Sync(params (string, string)[] files)
    {
        var writer = new OwnedFileWriter(_dir);
        writer.Sync(files);
        return writer;
    }

    [Fact]
    public void Writes_new_files_and_records_them_sorted()
    {
        var w = Sync(("b.svg", "B"), ("a.md", "A"));
        Assert.Equal(new[] { "b.svg", "a.md" }, w.Written);
        Assert.Equal("A", File.ReadAllText(PathOf("a.md")));
        var record = File.ReadAllLines(PathOf(OwnedFileWriter.RecordFileName)).Where(l => !l.StartsWith('#')).ToArray();
        Assert.Equal(new[] { "a.md", "b.svg" }, record);
    }

    [Fact]
    public void Unchanged_content_is_not_rewritten()
    {
        Sync(("a.md", "A"));
        var before = File.GetLastWriteTimeUtc(PathOf("a.md"));
        Thread.Sleep(20);
        var w = Sync(("a.md", "A"));
        Assert.Empty(w.Written);
        Assert.Equal(before, File.GetLastWriteTimeUtc(PathOf("a.md")));
    }

    [Fact]
    public void A_file_the_user_wrote_is_refused_not_overwritten()
    {
        File.WriteAllText(PathOf("README.md"), "mine");
        var w = Sync(("README.md", "generated"), ("a.md", "A"));
        Assert.Equal(new[] { "README.md" }, w.Refused);
        Assert.Equal("mine", File.ReadAllText(PathOf("README.md")));
        Assert.DoesNotContain("README.md", File.ReadAllText(PathOf(OwnedFileWriter.RecordFileName)));
    }

    [Fact]
    public void A_file_with_exactly_our_content_is_adopted()
    {
        File.WriteAllText(PathOf("a.md"), "A");
        var w = Sync(("a.md", "A"));
        Assert.Empty(w.Refused);
        Assert.Contains("a.md", File.ReadAllText(PathOf(OwnedFileWriter.RecordFileName)));
    }

    [Fact]
    public void Stale_files_are_deleted_only_when_recorded_as_ours()
    {
        Sync(("old.svg", "O"), ("keep.md", "K"));
        File.WriteAllText(PathOf("user.txt"), "mine");
        var w = Sync(("keep.md", "K"));
        Assert.Equal(new[] { "old.svg" }, w.Deleted);
        Assert.False(File.Exists(PathOf("old.svg")));
        Assert.True(File.Exists(PathOf("user.txt")));
    }

    [Fact]
    public void A_record_entry_pointing_outside_the_folder_is_ignored()
    {
        var outside = Path.Combine(Path.GetTempPath(), "nvg-outside-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(outside, "precious");
        try
        {
            File.WriteAllText(PathOf(OwnedFileWriter.RecordFileName), "# record\n../" + Path.GetFileName(outside) + "\n" + outside + "\n");
            Sync(("a.md", "A"));
            Assert.True(File.Exists(outside));
        }
        finally { File.Delete(outside); }
    }

    [Fact]
    public void A_case_only_rename_keeps_the_file()
    {
        Sync(("ResNet.md", "v1"));
        Sync(("Resnet.md", "v2"));
        var files = Directory.GetFiles(_dir, "*.md", SearchOption.TopDirectoryOnly).Select(Path.GetFileName).ToArray();
        Assert.Single(files);
        Assert.Equal("v2", File.ReadAllText(Path.Combine(_dir, files[0]!)));
    }

    [Fact]
    public void No_temporary_files_are_left_behind()
    {
        Sync(("a.md", "A"), ("b.md", "B"));
        Sync(("a.md", "A2"));
        Assert.DoesNotContain(Directory.GetFiles(_dir), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }
}
