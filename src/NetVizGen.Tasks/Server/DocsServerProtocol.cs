using System.Security.Cryptography;
using System.Text;

namespace NetVizGen.Tasks.Server;

/// <summary>
/// The docs server's wire format and name. One request per connection: the client writes
/// <see cref="RequestMagic"/>, <see cref="Version"/> and a <see cref="DocsRequest"/>; the server answers
/// <see cref="ResponseMagic"/>, its process id, a status (<see cref="Ok"/> then a <see cref="DocsResult"/>,
/// or <see cref="Failed"/> then a reason, and the client renders in its own process).
/// </summary>
internal static class DocsServerProtocol
{
    public const string RequestMagic = "NVGDOCS";
    public const string ResponseMagic = "NVGDONE";
    public const int Version = 1;
    public const int Ok = 0;
    public const int Failed = 1;

    /// <summary>
    /// The pipe a server of <paramref name="serverPath"/> listens on, for this user: a new package version
    /// (another path, or the same path rebuilt) gets a server of its own, and never talks to an old one.
    /// Short, because on Unix the name becomes a socket path (at most ~100 characters).
    /// </summary>
    public static string PipeName(string serverPath)
    {
        var file = new FileInfo(serverPath);
        var identity = string.Join("|", file.FullName, file.Exists ? file.LastWriteTimeUtc.Ticks : 0, file.Exists ? file.Length : 0, Environment.UserName, Version);
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(identity));
        var name = new StringBuilder("nvgdocs-", 8 + 20);
        for (int i = 0; i < 10; i++) name.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        return name.ToString();
    }
}
