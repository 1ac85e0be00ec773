namespace NetVizGen.Layout.Tests.Support;

/// <summary>The corpus copied next to the tests (tests/NetVizGen.Layout.Tests/Corpus, copied to output).</summary>
internal static class Corpus
{
    public static string Dir => System.IO.Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static string Path(string name) => System.IO.Path.Combine(Dir, name + ".json");

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Dir, "*.json").Order(StringComparer.Ordinal)) data.Add(System.IO.Path.GetFileNameWithoutExtension(f));
        return data;
    }
}
