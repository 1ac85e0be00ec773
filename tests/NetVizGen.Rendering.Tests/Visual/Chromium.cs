using System.Diagnostics;

namespace NetVizGen.Rendering.Tests.Visual;

/// <summary>Runs headless Chromium (the Debian package <c>chromium</c>) to load a page and dump its DOM.</summary>
internal static class Chromium
{
    public static string Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append("/usr/bin"))
            foreach (var name in new[] { "chromium", "chromium-browser" })
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        Assert.Fail("Chromium is required for the visual layout test but was not found on PATH. Install the Debian package: apt-get update && apt-get install -y chromium");
        return "";
    }

    public static string DumpDom(string htmlFile)
    {
        var profile = Directory.CreateTempSubdirectory("nvg-chromium-");
        try
        {
            var psi = new ProcessStartInfo(Find())
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--user-data-dir=" + profile.FullName, "--dump-dom", new Uri(htmlFile).AbsoluteUri })
                psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(120_000))
            {
                p.Kill(entireProcessTree: true);
                Assert.Fail("Chromium did not finish within 120 s.");
            }
            Assert.True(p.ExitCode == 0, "Chromium failed: " + stderr.Result);
            return stdout.Result;
        }
        finally
        {
            try { profile.Delete(recursive: true); } catch (IOException) { }
        }
    }
}
