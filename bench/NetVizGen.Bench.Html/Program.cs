using System.Diagnostics;
using Microsoft.Playwright;
using NetVizGen.Model.Specs;
using NetVizGen.Rendering;
using NetVizGen.Rendering.Tests.TestModels;

// Renders the pages, then per model and repetition: load to a usable page (data-ready), open the
// first card, open every card ("expand all"), each timed in the page (performance.now around the
// synchronous re-render) and the load from navigation start. Prints min / median / max in ms.
int reps = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
var folder = Directory.CreateTempSubdirectory("nvg-html-bench-").FullName;
var models = new ModelSpec[] { ResNetLike.Create(), DeepTransformer.Create(167), DeepTransformer.Create(167, distinct: true) };
var render = Stopwatch.StartNew();
foreach (var f in DocumentationRenderer.Render(models, new RenderOptions()))
    File.WriteAllText(Path.Combine(folder, f.RelativePath), f.Content);
Console.WriteLine($"rendered {models.Length} models' docs in {render.ElapsedMilliseconds} ms");

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium", Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
Console.WriteLine($"{"model",-22} {"modules",8} {"html KB",8} {"load ms",16} {"open one ms",16} {"expand all ms",16} {"drawn",6}");
foreach (var m in models)
{
    var path = Path.Combine(folder, m.Id + ".html");
    var load = new List<double>(); var one = new List<double>(); var all = new List<double>(); int drawn = 0;
    for (int r = 0; r < reps; r++)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 }, ReducedMotion = ReducedMotion.Reduce });
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        await page.WaitForSelectorAsync("body[data-ready=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        load.Add(await page.EvaluateAsync<double>("() => performance.now()"));
        one.Add(await page.EvaluateAsync<double>("() => { const t = performance.now(); document.querySelector('#nodes > g.node-block').dispatchEvent(new MouseEvent('click', { bubbles: true })); return performance.now() - t; }"));
        all.Add(await page.EvaluateAsync<double>("() => { const t = performance.now(); document.getElementById('expand-all').click(); return performance.now() - t; }"));
        drawn = await page.EvaluateAsync<int>("() => document.querySelectorAll('#nodes > g').length");
        await page.CloseAsync();
    }
    int modules = m.Root.DescendantsAndSelf().Count();
    Console.WriteLine($"{m.Id,-22} {modules,8} {new FileInfo(path).Length / 1024,8} {Stats(load),16} {Stats(one),16} {Stats(all),16} {drawn,6}");
}
Directory.Delete(folder, recursive: true);

static string Stats(List<double> v)
{
    v.Sort();
    return $"{v[0]:0}/{v[v.Count / 2]:0}/{v[^1]:0}";
}
