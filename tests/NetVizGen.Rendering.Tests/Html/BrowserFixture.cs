using Microsoft.Playwright;
using NetVizGen.Rendering.Tests.TestModels;
using NetVizGen.Rendering.Tests.Visual;

namespace NetVizGen.Rendering.Tests.Html;

/// <summary>
/// Renders the test models' docs (with the interactive pages) into a temporary folder and starts the
/// real Debian Chromium through Playwright (no browser download: <c>ExecutablePath</c>).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string Folder { get; } = Directory.CreateTempSubdirectory("nvg-html-").FullName;

    public async Task InitializeAsync()
    {
        var models = new[] { ResNetLike.Create(), Mlp.Create(), DeepTransformer.Create(167), DeepTransformer.Hostile(), Decoder.Create(named: true) };
        foreach (var f in DocumentationRenderer.Render(models, new RenderOptions { ProjectDirectory = "/src/proj", OutputDirectory = "/src/proj/docs" }))
            await File.WriteAllTextAsync(Path.Combine(Folder, f.RelativePath), f.Content);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.Find(), Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        // NETVIZGEN_KEEP_HTML=1 keeps the pages for looking at them.
        if (Environment.GetEnvironmentVariable("NETVIZGEN_KEEP_HTML") != "1")
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>A page on one model's view, recording console errors, page errors, dialogs and requests.</summary>
    public async Task<Session> OpenAsync(string id, string fragment = "", int width = 1400, int height = 1000, string scheme = "light")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
        });
        var page = await context.NewPageAsync();
        var session = new Session(page, context);
        page.Console += (_, m) => { if (m.Type is "error" or "warning") session.Errors.Add(m.Type + ": " + m.Text); };
        page.PageError += (_, e) => session.Errors.Add("page error: " + e);
        page.Dialog += async (_, d) => { session.Dialogs.Add(d.Message); await d.DismissAsync(); };
        page.Request += (_, r) => session.Requests.Add(r.Url);
        var url = new Uri(Path.Combine(Folder, id + ".html")).AbsoluteUri + fragment;
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync("body[data-ready=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        return session;
    }

    /// <summary>One browser page and what it did.</summary>
    public sealed class Session(IPage page, IBrowserContext context) : IAsyncDisposable
    {
        public IPage Page { get; } = page;
        public List<string> Errors { get; } = [];
        public List<string> Dialogs { get; } = [];
        public List<string> Requests { get; } = [];

        public ValueTask DisposeAsync() => new(context.CloseAsync());
    }
}
