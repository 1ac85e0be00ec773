namespace NetVizGen.Tasks.Server;

/// <summary>How a <see cref="DocsMessage"/> reaches the build log.</summary>
internal enum DocsMessageKind
{
    /// <summary>A message; <see cref="DocsMessage.Importance"/> says at which verbosity it shows.</summary>
    Message,
    /// <summary>A warning with a code (NVG1001, NVG1002).</summary>
    Warning,
    /// <summary>An error with a code (NVG1000, NVG1010).</summary>
    Error,
}

/// <summary>
/// One line for the build log, recorded instead of logged so that a run in the docs server reports
/// exactly what a run in the MSBuild process would. <see cref="Importance"/> is MSBuild's
/// <c>MessageImportance</c> as a number (0 high, 1 normal, 2 low).
/// </summary>
internal sealed record DocsMessage(DocsMessageKind Kind, int Importance, string Code, string File, string Text);

/// <summary>What one run of the docs task did: its log lines, in order, and its outputs.</summary>
internal sealed class DocsResult
{
    public List<DocsMessage> Messages { get; } = new();

    /// <summary>How many models this run rendered (the others were unchanged and reused).</summary>
    public int RenderedModels { get; set; }

    /// <summary>Files written (changed), full paths.</summary>
    public List<string> Written { get; } = new();

    /// <summary>Outputs refused because a file NetVizGen does not own is in the way, full paths.</summary>
    public List<string> Refused { get; } = new();

    public bool HasErrors => Messages.Exists(m => m.Kind == DocsMessageKind.Error);

    public void Message(int importance, string text) => Messages.Add(new DocsMessage(DocsMessageKind.Message, importance, "", "", text));

    public void Warning(string code, string file, string text) => Messages.Add(new DocsMessage(DocsMessageKind.Warning, 1, code, file, text));

    public void Error(string code, string file, string text) => Messages.Add(new DocsMessage(DocsMessageKind.Error, 0, code, file, text));

    /// <summary>Writes the result in the server protocol's field order.</summary>
    public void WriteTo(BinaryWriter w)
    {
        w.Write(Messages.Count);
        foreach (var m in Messages)
        {
            w.Write((int)m.Kind);
            w.Write(m.Importance);
            w.Write(m.Code);
            w.Write(m.File);
            w.Write(m.Text);
        }
        w.Write(RenderedModels);
        WriteList(w, Written);
        WriteList(w, Refused);
    }

    /// <summary>Reads a result written by <see cref="WriteTo"/>; a damaged stream is a <see cref="FormatException"/>.</summary>
    public static DocsResult ReadFrom(BinaryReader r)
    {
        var result = new DocsResult();
        int count = Count(r);
        for (int i = 0; i < count; i++)
        {
            int kind = r.ReadInt32();
            if (kind is < 0 or > 2) throw new FormatException("unknown message kind " + kind);
            result.Messages.Add(new DocsMessage((DocsMessageKind)kind, r.ReadInt32(), r.ReadString(), r.ReadString(), r.ReadString()));
        }
        result.RenderedModels = r.ReadInt32();
        ReadList(r, result.Written);
        ReadList(r, result.Refused);
        return result;
    }

    private static void WriteList(BinaryWriter w, List<string> items)
    {
        w.Write(items.Count);
        foreach (var s in items) w.Write(s);
    }

    private static void ReadList(BinaryReader r, List<string> into)
    {
        int count = Count(r);
        for (int i = 0; i < count; i++) into.Add(r.ReadString());
    }

    private static int Count(BinaryReader r)
    {
        int count = r.ReadInt32();
        if (count is < 0 or > 10_000_000) throw new FormatException("bad count " + count);
        return count;
    }
}
