using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NetVizGen.Rendering.Tests.Visual;

/// <summary>
/// Loads every generated SVG in a real browser and measures the rendered text with getBBox(): with
/// the fonts this machine really has, no label may overflow its node or cluster box and no two
/// labels may overlap. This checks the width table and the slack against actual rendering.
/// </summary>
public class LabelFitTests
{
    private const string Script = """
        const problems = [];
        let texts = 0;
        function check(pass) {
        const inter = (a, b) => Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
        const inside = (t, b) => t.x >= b.x - 0.5 && t.y >= b.y - 0.5 && t.x + t.width <= b.x + b.width + 0.5 && t.y + t.height <= b.y + b.height + 0.5;
        const abs = (el) => { const b = el.getBBox(); const m = el.getCTM(); return { x: b.x + m.e, y: b.y + m.f, width: b.width, height: b.height }; };
        const union = (els) => { const bs = els.map(abs); const x = Math.min(...bs.map(b => b.x)), y = Math.min(...bs.map(b => b.y)); return { x, y, width: Math.max(...bs.map(b => b.x + b.width)) - x, height: Math.max(...bs.map(b => b.y + b.height)) - y }; };
        for (const figure of document.querySelectorAll('div[data-file]')) {
          const file = figure.dataset.file;
          const svg = figure.querySelector('svg');
          for (const g of svg.querySelectorAll('#nodes > g, #clusters > g')) {
            const shapes = [...g.children].filter(e => e.tagName === 'rect' || e.tagName === 'circle');
            const box = g.parentNode.id === 'clusters' ? abs(shapes[0]) : union(shapes);
            for (const t of g.querySelectorAll('text')) if (!inside(abs(t), box)) problems.push(pass + ' ' + file + ': "' + t.textContent + '" overflows ' + g.id);
          }
          const all = [...svg.querySelectorAll('text')].map(t => ({ t, b: abs(t) }));
          texts += all.length;
          for (let i = 0; i < all.length; i++)
            for (let j = i + 1; j < all.length; j++)
              if (inter(all[i].b, all[j].b) > 1) problems.push(pass + ' ' + file + ': "' + all[i].t.textContent + '" overlaps "' + all[j].t.textContent + '"');
          const nodeBoxes = [...svg.querySelectorAll('#nodes > g')].map(g => ({ id: g.id, b: union([...g.children].filter(e => e.tagName === 'rect' || e.tagName === 'circle')) }));
          for (const t of svg.querySelectorAll('#edge-labels text'))
            for (const n of nodeBoxes) if (inter(abs(t), n.b) > 1) problems.push(pass + ' ' + file + ': edge label "' + t.textContent + '" covers ' + n.id);
        }
        }
        check('as shipped');
        // Linux viewers without Helvetica/Arial/Liberation fall back to DejaVu Sans, which is wider:
        // the boxes' slack must absorb that too.
        for (const svg of document.querySelectorAll('svg')) svg.setAttribute('font-family', 'DejaVu Sans');
        check('DejaVu Sans');
        const out = document.createElement('pre');
        out.id = 'result';
        out.textContent = JSON.stringify({ texts, problems });
        document.body.appendChild(out);
        """;

    [Fact]
    public void Labels_fit_their_boxes_and_do_not_overlap_in_a_real_browser()
    {
        var html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n");
        var svgs = Support.RenderSamples().Where(f => f.RelativePath.EndsWith(".svg", StringComparison.Ordinal)).ToList();
        foreach (var f in svgs) html.Append("<div data-file=\"").Append(f.RelativePath).Append("\">").Append(f.Content).Append("</div>\n");
        html.Append("<script>").Append(Script).Append("</script></body></html>");
        var dir = Directory.CreateTempSubdirectory("nvg-visual-");
        try
        {
            var page = Path.Combine(dir.FullName, "page.html");
            File.WriteAllText(page, html.ToString());
            var dom = Chromium.DumpDom(page);
            var m = Regex.Match(dom, "<pre id=\"result\">(.*?)</pre>", RegexOptions.Singleline);
            Assert.True(m.Success, "The measuring script produced no result; DOM starts with: " + dom[..Math.Min(400, dom.Length)]);
            using var json = JsonDocument.Parse(WebUtility.HtmlDecode(m.Groups[1].Value));
            Assert.True(json.RootElement.GetProperty("texts").GetInt32() > svgs.Count * 5, "too few texts measured");
            var problems = json.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetString()).ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
