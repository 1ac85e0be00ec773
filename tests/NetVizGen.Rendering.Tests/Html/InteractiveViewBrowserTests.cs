using System.Text.Json;
using Microsoft.Playwright;

namespace NetVizGen.Rendering.Tests.Html;

/// <summary>
/// The interactive page in real Chromium: opening and closing blocks in place (never an overlap,
/// node order kept), search, deep links, keyboard, themes, and user strings that stay text.
/// </summary>
public sealed class InteractiveViewBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // Every drawn node and opened frame with its screen box; a frame may contain what is inside it.
    private const string BoxesScript = """
        () => [...document.querySelectorAll('#nodes > g')].map(g => {
          const r = g.getBoundingClientRect();
          return { path: g.getAttribute('data-path') || g.getAttribute('data-key') || '', frame: g.classList.contains('opened'),
                   scope: (g.getAttribute('data-scope') || '').trim(), x: r.x, y: r.y, w: r.width, h: r.height };
        })
        """;

    private sealed record Drawn(string Path, bool Frame, string Scope, double X, double Y, double W, double H);

    private static async Task<List<Drawn>> Boxes(IPage page)
    {
        // Measure where things end up, not mid-way through the brief open/close animation.
        await Settled(page);
        var json = await page.EvaluateAsync<JsonElement>(BoxesScript);
        return json.EnumerateArray().Select(e => new Drawn(e.GetProperty("path").GetString()!, e.GetProperty("frame").GetBoolean(),
            e.GetProperty("scope").GetString()!, e.GetProperty("x").GetDouble(), e.GetProperty("y").GetDouble(),
            e.GetProperty("w").GetDouble(), e.GetProperty("h").GetDouble())).ToList();
    }

    /// <summary>Until the open/close animation has finished: cards still moving are neither measured nor clicked.</summary>
    private static Task Settled(IPage page) =>
        page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState === 'finished')");

    private static void AssertNoOverlap(List<Drawn> boxes)
    {
        Assert.NotEmpty(boxes);
        for (int i = 0; i < boxes.Count; i++)
            for (int j = i + 1; j < boxes.Count; j++)
            {
                Drawn a = boxes[i], b = boxes[j];
                if (a.Frame && b.Scope.Split(' ').Contains(a.Path)) continue;
                if (b.Frame && a.Scope.Split(' ').Contains(b.Path)) continue;
                bool overlap = a.X < b.X + b.W - 0.5 && b.X < a.X + a.W - 0.5 && a.Y < b.Y + b.H - 0.5 && b.Y < a.Y + a.H - 0.5;
                Assert.False(overlap, $"'{a.Path}' overlaps '{b.Path}': ({a.X:0.#},{a.Y:0.#},{a.W:0.#},{a.H:0.#}) vs ({b.X:0.#},{b.Y:0.#},{b.W:0.#},{b.H:0.#})");
            }
    }

    private static void AssertClean(BrowserFixture.Session s, string id)
    {
        Assert.Empty(s.Errors);
        Assert.Empty(s.Dialogs);
        // The page itself is the only request: no fonts, scripts, images or anything over a network.
        Assert.All(s.Requests, r => Assert.EndsWith("/" + id + ".html", new Uri(r).AbsolutePath));
    }

    [Fact]
    public async Task The_page_is_self_contained_under_a_strict_policy_and_opens_at_the_overview()
    {
        await using var s = await browser.OpenAsync("ResNet18");
        var csp = await s.Page.GetAttributeAsync("meta[http-equiv=Content-Security-Policy]", "content");
        Assert.StartsWith("default-src 'none'; script-src 'sha256-", csp);
        Assert.Equal(0, await s.Page.Locator("link, [src]").CountAsync());
        // The overview as the SVG draws it: layer1's two blocks folded into one card, nothing open.
        Assert.Equal(1, await s.Page.Locator("#nodes > g[data-path='layer1.0']").CountAsync());
        Assert.Equal(0, await s.Page.Locator(".opened").CountAsync());
        AssertNoOverlap(await Boxes(s.Page));
        AssertClean(s, "ResNet18");
    }

    [Fact]
    public async Task A_card_opens_in_place_what_is_below_moves_down_and_closing_restores_every_position()
    {
        await using var s = await browser.OpenAsync("ResNet18");
        var before = await Boxes(s.Page);
        await s.Page.ClickAsync("#nodes > g[data-path='layer2.0']");
        await s.Page.WaitForSelectorAsync(".opened[data-path='layer2.0']");
        var opened = await Boxes(s.Page);
        AssertNoOverlap(opened);
        Assert.Contains(opened, b => b.Path == "layer2.0.conv1" && b.Scope == "layer2.0");
        Assert.Contains(opened, b => b.Path == "layer2.0.downsample.0");
        // Above stays, below moves down; the left-to-right order of what stays is unchanged. The overview is
        // wrapped into two columns (stem to layer2, then layer3 to fc): the second column stays where it was.
        Drawn Find(List<Drawn> l, string p) => l.Single(b => b.Path == p);
        Assert.Equal(Find(before, "conv1").Y, Find(opened, "conv1").Y, 1);
        Assert.True(Find(opened, "layer2.1").Y > Find(before, "layer2.1").Y + 50);
        Assert.True(Find(opened, "layer2.1").Y > Find(opened, "layer2.0.conv1").Y);
        Assert.True(Find(opened, "layer3.0").X > Find(opened, "layer2.1").X + Find(opened, "layer2.1").W / 2);
        Assert.Equal(Find(before, "fc").Y, Find(opened, "fc").Y, 1);

        await s.Page.ClickAsync(".opened[data-path='layer2.0'] .opened-title");
        await s.Page.WaitForSelectorAsync(".opened", new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached });
        var closed = await Boxes(s.Page);
        Assert.Equal(before.Select(b => b.Path), closed.Select(b => b.Path));
        foreach (var (a, b) in before.Zip(closed)) { Assert.Equal(a.X, b.X, 1); Assert.Equal(a.Y, b.Y, 1); }
        AssertClean(s, "ResNet18");
    }

    [Fact]
    public async Task A_side_node_opens_in_place_to_the_ops_it_folds_and_closes_again()
    {
        await using var s = await browser.OpenAsync("Decoder");
        var mask = s.Page.Locator("#nodes > g[aria-label^='attention_mask']");
        Assert.Equal(1, await mask.CountAsync());
        Assert.Contains("side computation; press Enter to open", await mask.GetAttributeAsync("aria-label"));
        var before = await Boxes(s.Page);
        Assert.DoesNotContain(before, b => b.Path.EndsWith("#op.triu", StringComparison.Ordinal));

        await mask.ClickAsync();
        await s.Page.WaitForSelectorAsync(".opened");
        var opened = await Boxes(s.Page);
        AssertNoOverlap(opened);
        // The frame is titled with the variable's name, and holds the folded ops (full → triu).
        Assert.Equal("▾ attention_mask", await s.Page.Locator(".opened .opened-title").TextContentAsync());
        var frame = Assert.Single(opened, b => b.Frame);
        var ops = opened.Where(b => !b.Frame && b.Scope == frame.Path).ToList();
        Assert.Equal(2, ops.Count);
        Assert.All(ops, o => Assert.True(o.X >= frame.X && o.X + o.W <= frame.X + frame.W && o.Y >= frame.Y && o.Y + o.H <= frame.Y + frame.H));
        Assert.Equal(1, await s.Page.Locator("#nodes > g[aria-label='full']").CountAsync());
        Assert.Equal(1, await s.Page.Locator("#nodes > g[aria-label='triu']").CountAsync());

        Assert.Equal("attention_mask, opened; press Enter to close", await s.Page.Locator(".opened").GetAttributeAsync("aria-label"));
        await s.Page.ClickAsync(".opened .opened-title");
        await s.Page.WaitForSelectorAsync(".opened", new() { State = WaitForSelectorState.Detached });
        var closed = await Boxes(s.Page);
        Assert.Equal(before.Select(b => (b.Path, Math.Round(b.X), Math.Round(b.Y))), closed.Select(b => (b.Path, Math.Round(b.X), Math.Round(b.Y))));
        AssertClean(s, "Decoder");
    }

    [Fact]
    public async Task A_folded_card_opens_its_first_instance_and_steps_through_the_identical_others()
    {
        await using var s = await browser.OpenAsync("ResNet18");
        await s.Page.ClickAsync("#nodes > g[data-path='layer1.0']");
        var title = await s.Page.TextContentAsync(".opened[data-path='layer1.0'] .opened-title");
        Assert.Contains("×2, identical; showing 1 of 2", title);
        await s.Page.ClickAsync(".opened[data-path='layer1.0'] .inst-button[aria-label^='Next']");
        await s.Page.WaitForSelectorAsync(".opened[data-path='layer1.1']");
        Assert.Equal(1, await s.Page.Locator("#nodes > g[data-path='layer1.1.conv2']").CountAsync());
        Assert.Equal(0, await s.Page.Locator("#nodes > g[data-path='layer1.0.conv2']").CountAsync());
        AssertNoOverlap(await Boxes(s.Page));
        AssertClean(s, "ResNet18");
    }

    [Fact]
    public async Task Blocks_open_inside_opened_blocks_and_expand_all_and_collapse_all_never_overlap()
    {
        await using var s = await browser.OpenAsync("Decoder167");
        int initial = await s.Page.Locator("#nodes > g").CountAsync();
        await s.Page.ClickAsync("#nodes > g[data-path='layers.0']");
        // The inner card is clicked where it ends up: on a loaded machine a click during the opening animation can
        // land on whatever is passing under the pointer.
        await s.Page.WaitForSelectorAsync(".opened[data-path='layers.0']");
        await Settled(s.Page);
        await s.Page.ClickAsync("#nodes > g[data-path='layers.0.attn']");
        await s.Page.WaitForSelectorAsync(".opened[data-path='layers.0.attn']");
        Assert.Equal("layers.0 layers.0.attn", await s.Page.GetAttributeAsync("#nodes > g[data-path='layers.0.attn.q_proj']", "data-scope"));
        AssertNoOverlap(await Boxes(s.Page));

        await s.Page.ClickAsync("#expand-all");
        var all = await Boxes(s.Page);
        AssertNoOverlap(all);
        Assert.True(all.Count(b => b.Frame) >= 4, "every card, inner ones too, opens");
        Assert.Contains(all, b => b.Path.EndsWith(".mlp.fc2", StringComparison.Ordinal));

        await s.Page.ClickAsync("#collapse-all");
        Assert.Equal(initial, await s.Page.Locator("#nodes > g").CountAsync());
        Assert.Equal(0, await s.Page.Locator(".opened").CountAsync());
        AssertClean(s, "Decoder167");
    }

    [Fact]
    public async Task Search_by_path_type_or_argument_opens_what_hides_the_match_and_selects_it()
    {
        await using var s = await browser.OpenAsync("ResNet18");
        await s.Page.FillAsync("#search", "layer3 conv2d 3x3");
        Assert.Contains("matches", await s.Page.TextContentAsync("#search-info"));
        await s.Page.PressAsync("#search", "Enter");
        await s.Page.WaitForSelectorAsync("#nodes > g[aria-pressed=true]");
        var selected = await s.Page.GetAttributeAsync("#nodes > g[aria-pressed=true]", "data-path");
        Assert.StartsWith("layer3.0.conv", selected);
        Assert.Equal(selected, await s.Page.TextContentAsync("#details h2"));
        Assert.Contains("Conv2d", await s.Page.TextContentAsync("#details"));
        Assert.StartsWith("1 of ", await s.Page.TextContentAsync("#search-info"));
        AssertNoOverlap(await Boxes(s.Page));
        AssertClean(s, "ResNet18");
    }

    [Fact]
    public async Task A_deep_link_restores_what_is_open_and_what_is_selected_and_the_fragment_follows_the_view()
    {
        await using var s = await browser.OpenAsync("ResNet18", "#layer2.0.conv1?expand=layer2.0");
        await s.Page.WaitForSelectorAsync(".opened[data-path='layer2.0']");
        Assert.Equal("true", await s.Page.GetAttributeAsync("#nodes > g[data-path='layer2.0.conv1']", "aria-pressed"));
        Assert.Equal("layer2.0.conv1", await s.Page.TextContentAsync("#details h2"));
        Assert.Contains("73,728", await s.Page.TextContentAsync("#details"));

        // Below the fold at the page's reading zoom: clicked without scrolling the canvas to it.
        await s.Page.Locator("#nodes > g[data-path='layer3.0']").DispatchEventAsync("click");
        await s.Page.WaitForSelectorAsync(".opened[data-path='layer3.0']");
        var hash = await s.Page.EvaluateAsync<string>("() => location.hash");
        Assert.Equal("#layer3.0?expand=layer2.0,layer3.0", hash);
        AssertClean(s, "ResNet18");
    }

    [Fact]
    public async Task The_keyboard_reaches_cards_opens_them_and_zooms()
    {
        await using var s = await browser.OpenAsync("ResNet18");
        await s.Page.FocusAsync("#nodes > g[data-path='layer4.1']");
        await s.Page.Keyboard.PressAsync("Enter");
        await s.Page.WaitForSelectorAsync(".opened[data-path='layer4.1']");
        var before = await s.Page.GetAttributeAsync("#viewport", "transform");
        await s.Page.Locator("body").PressAsync("+");
        Assert.NotEqual(before, await s.Page.GetAttributeAsync("#viewport", "transform"));
        // Tab moves through the toolbar into the diagram's nodes, each with an accessible name.
        await s.Page.FocusAsync("#download");
        for (int i = 0; i < 3; i++) await s.Page.Keyboard.PressAsync("Tab");
        var label = await s.Page.EvaluateAsync<string>("() => document.activeElement.getAttribute('aria-label') || ''");
        Assert.False(string.IsNullOrEmpty(label));
        AssertClean(s, "ResNet18");
    }

    [Fact]
    public async Task Names_from_user_code_stay_text_everywhere()
    {
        const string evil = "</script><script>alert(1)</script><img src=x onerror=alert(2)>";
        await using var s = await browser.OpenAsync("Evil");
        Assert.Equal(evil, await s.Page.TextContentAsync("h1"));
        Assert.Equal(2, await s.Page.EvaluateAsync<int>("() => document.scripts.length"));
        Assert.Equal(0, await s.Page.Locator("img").CountAsync());
        Assert.Contains("</script>", await s.Page.GetAttributeAsync("#nodes > g[data-path^='layers.']", "aria-label"));
        await s.Page.ClickAsync("#nodes > g[data-path^='layers.']");
        Assert.Equal("layers." + evil, await s.Page.TextContentAsync("#details h2"));
        AssertClean(s, "Evil");
    }

    [Fact]
    public async Task Reduced_motion_is_respected()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ReducedMotion = ReducedMotion.Reduce });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(Path.Combine(browser.Folder, "ResNet18.html")).AbsoluteUri);
        await page.WaitForSelectorAsync("body[data-ready=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        await page.Locator("#nodes > g[data-path='layer3.0']").DispatchEventAsync("click");
        await page.WaitForSelectorAsync(".opened[data-path='layer3.0']");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.getAnimations().length"));
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_theme_follows_the_system_and_the_toggle_redraws_the_nodes_in_the_other_palette()
    {
        await using var s = await browser.OpenAsync("ResNet18", scheme: "dark");
        Assert.Equal("dark", await s.Page.GetAttributeAsync("html", "data-theme"));
        const string fill = "() => document.querySelector(\"#nodes > g[data-path='conv1'] rect\").getAttribute('fill')";
        var dark = await s.Page.EvaluateAsync<string>(fill);
        await s.Page.ClickAsync("#theme");
        Assert.Equal("light", await s.Page.GetAttributeAsync("html", "data-theme"));
        Assert.NotEqual(dark, await s.Page.EvaluateAsync<string>(fill));
        AssertClean(s, "ResNet18");
    }
}
