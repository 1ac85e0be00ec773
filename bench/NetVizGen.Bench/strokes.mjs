#!/usr/bin/env node
// Drawn edge geometry of layouts, beside the shared metrics (issue 14's "drawn edge segments"):
//   node bench/NetVizGen.Bench/strokes.mjs ../shared/bench DIR [DIR2 ...]   (one row per graph and directory)
// segments: polyline segments summed over edges (the shared metric's count; a bundle's trunk counts once per
// edge). strokes: what is actually drawn: collinear overlapping segments of different edges merged into one
// (a bus trunk is one stroke however many edges share it). crossings: the shared metric, which counts every
// pair of edges, so two trunks of k edges each crossing once count k² times, and a branch leaving its trunk
// counts as crossing the edges that go on. drawn crossings: distinct points (to 0.01 px) where edges of
// different sources cross, i.e. the crossings a reader sees (edges ending on one point, a fan-in bus, join
// rather than cross each other).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const f = (v) => Math.round(v).toLocaleString('en-US');

export function strokes(layout) {
  const lines = new Map(); // line key -> intervals along it
  let segments = 0;
  for (const e of layout.edges) {
    const p = e.points;
    for (let i = 0; i + 1 < p.length; i++) {
      const [x0, y0] = p[i], [x1, y1] = p[i + 1];
      if (x0 === x1 && y0 === y1) continue;
      segments++;
      let key, a, b;
      if (x0 === x1) { key = `v${x0}`; a = Math.min(y0, y1); b = Math.max(y0, y1); }
      else if (y0 === y1) { key = `h${y0}`; a = Math.min(x0, x1); b = Math.max(x0, x1); }
      else {
        // Diagonal: merge only with segments on the same line (slope and intercept, rounded to 0.01 px).
        const m = (y1 - y0) / (x1 - x0), c = y0 - m * x0;
        key = `d${m.toFixed(6)}:${c.toFixed(2)}`; a = Math.min(x0, x1); b = Math.max(x0, x1);
      }
      if (!lines.has(key)) lines.set(key, []);
      lines.get(key).push([a, b]);
    }
  }
  let merged = 0;
  for (const list of lines.values()) {
    list.sort((u, v) => u[0] - v[0] || u[1] - v[1]);
    let end = -Infinity;
    for (const [a, b] of list) { if (a > end + 1e-6) merged++; end = Math.max(end, b); }
  }
  return { segments, strokes: merged, drawnCrossings: drawnCrossings(layout) };
}

function drawnCrossings(layout) {
  const segs = [];
  for (const e of layout.edges)
    for (let i = 0; i + 1 < e.points.length; i++) {
      const [x0, y0] = e.points[i], [x1, y1] = e.points[i + 1];
      if (x0 !== x1 || y0 !== y1) segs.push({ e, x0, y0, x1, y1, top: Math.min(y0, y1), bot: Math.max(y0, y1) });
    }
  segs.sort((a, b) => a.top - b.top);
  const points = new Set();
  for (let a = 0; a < segs.length; a++) {
    const A = segs[a];
    for (let b = a + 1; b < segs.length && segs[b].top <= A.bot; b++) {
      const B = segs[b];
      if (A.e.source === B.e.source) continue;
      // Edges that end on one point share a stem (a fan-in bus): where they join is a merge, not a crossing.
      const ea = A.e.points.at(-1), eb = B.e.points.at(-1);
      if (ea[0] === eb[0] && ea[1] === eb[1]) continue;
      if (Math.max(B.x0, B.x1) < Math.min(A.x0, A.x1) || Math.min(B.x0, B.x1) > Math.max(A.x0, A.x1)) continue;
      const rx = A.x1 - A.x0, ry = A.y1 - A.y0, sx = B.x1 - B.x0, sy = B.y1 - B.y0, d = rx * sy - ry * sx;
      if (Math.abs(d) < 1e-12) continue;
      const t = ((B.x0 - A.x0) * sy - (B.y0 - A.y0) * sx) / d, u = ((B.x0 - A.x0) * ry - (B.y0 - A.y0) * rx) / d;
      if (t < -1e-9 || t > 1 + 1e-9 || u < -1e-9 || u > 1 + 1e-9) continue;
      const x = A.x0 + t * rx, y = A.y0 + t * ry;
      const near = (e) => [e.points[0], e.points.at(-1)].some(([ex, ey]) => Math.hypot(x - ex, y - ey) <= 2);
      if (near(A.e) || near(B.e)) continue;
      points.add(`${x.toFixed(2)},${y.toFixed(2)}`);
    }
  }
  return points.size;
}

// Run as a script (svg-strokes.mjs imports strokes() without this part).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [benchDir, ...dirs] = process.argv.slice(2);
  const { computeMetrics } = await import(path.resolve(benchDir, 'metrics.mjs'));
  console.log('| graph | layouts | edges | segments | drawn strokes | crossings (shared metric) | drawn crossings | total edge length | W × H |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---|');
  const names = [...new Set(dirs.flatMap(d => fs.readdirSync(d).filter(n => n.endsWith('.json'))))].sort();
  for (const name of names) {
    for (const d of dirs) {
      const lp = path.join(d, name);
      if (!fs.existsSync(lp)) continue;
      const layout = JSON.parse(fs.readFileSync(lp, 'utf8'));
      const gp = fs.existsSync(path.join(benchDir, 'corpus', name)) ? path.join(benchDir, 'corpus', name) : path.join(d, '..', 'graphs', name);
      if (!fs.existsSync(gp)) continue;
      const m = computeMetrics(JSON.parse(fs.readFileSync(gp, 'utf8')), layout);
      const s = strokes(layout);
      console.log(`| ${name.replace('.json', '')} | ${path.basename(d)} | ${f(layout.edges.length)} | ${f(s.segments)} | ${f(s.strokes)} | ${f(m.crossings)} | ${f(s.drawnCrossings)} | ${f(m.totalEdgeLength)} | ${f(m.width)} × ${f(m.height)} |`);
    }
  }
}
