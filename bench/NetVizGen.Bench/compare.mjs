#!/usr/bin/env node
// Our layouts beside the anchors': same graphs, same metrics (the shared metrics.mjs), plus the targets.
//   node bench/NetVizGen.Bench/compare.mjs ../shared/bench OUT_DIR TIMING.md
// OUT_DIR holds our nnlayout/1 files (from `NetVizGen.Bench layout`), TIMING.md the output of `NetVizGen.Bench timing`.
import fs from 'node:fs';
import path from 'node:path';
const [benchDir, outDir, timingFile] = process.argv.slice(2);
const { computeMetrics } = await import(path.resolve(benchDir, 'metrics.mjs'));
const anchors = JSON.parse(fs.readFileSync(path.join(benchDir, 'results', 'results.json'), 'utf8'));
const graphs = JSON.parse(fs.readFileSync(path.join(benchDir, 'corpus', 'index.json'), 'utf8'));
const ours = new Map();
for (const line of fs.readFileSync(timingFile, 'utf8').split('\n')) {
  const c = line.split('|').map((s) => s.trim());
  if (c.length > 5 && /^[0-9.]+$/.test(c[3])) ours.set(c[1], { median: +c[3], min: +c[4], first: +c[5] });
}
const n = (v) => (typeof v === 'number' ? Math.round(v).toLocaleString('en-US') : String(v ?? ''));
const t = (v) => (v < 1 ? v.toFixed(2) : v < 10 ? v.toFixed(1) : n(v));
const row = (g, engine, ms, first, m) =>
  `| ${g} | ${engine} | ${ms} | ${first} | ${n(m.crossings)} | ${n(m.totalEdgeLength)} | ${(m.area / 1e6).toFixed(2)} | ${n(m.width)} × ${n(m.height)} | ${m.upwardEdges} | ${m.nodeOverlaps} | ${m.edgeNodeCrossings} | ${m.containmentViolations} |`;
console.log('| graph | engine | time ms (median) | 1st ms | crossings | total edge length | area (Mpx²) | W × H | upward | overlaps | edge-through-node | containment viol. |');
console.log('|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|');
const checks = [];
for (const g of graphs) {
  const graph = JSON.parse(fs.readFileSync(path.join(benchDir, 'corpus', g.file), 'utf8'));
  const m = computeMetrics(graph, JSON.parse(fs.readFileSync(path.join(outDir, g.file), 'utf8')));
  const tm = ours.get(g.name);
  console.log(row(`**${g.name}**`, '**NetVizGen**', tm ? `**${t(tm.median)}**` : '', tm ? t(tm.first) : '', m));
  const runs = anchors.results.filter((r) => r.graph === g.name && r.status === 'ok');
  for (const r of runs) console.log(row(g.name, r.engine, t(r.medianMs), t(r.firstMs), r.metrics));
  const bestCross = Math.min(...runs.map((r) => r.metrics.crossings));
  const dot = runs.find((r) => r.engine === 'dot')?.metrics;
  const viz = runs.find((r) => r.engine === 'viz');
  checks.push({
    graph: g.name,
    hard: m.nodeOverlaps === 0 && m.upwardEdges === 0 && m.containmentViolations === 0,
    crossings: `${n(m.crossings)} ≤ ${n(bestCross)}: ${m.crossings <= bestCross ? 'yes' : 'NO'}`,
    speed: tm && viz ? `${(viz.medianMs / tm.median).toFixed(1)}× viz: ${viz.medianMs / tm.median >= 5 ? 'yes' : 'NO'}` : '',
    length: dot ? `${((m.totalEdgeLength / dot.totalEdgeLength - 1) * 100).toFixed(1)}%` : '',
    area: dot ? `${((m.area / dot.area - 1) * 100).toFixed(1)}%` : '',
  });
}
console.log('\n| graph | 0 overlaps / upward / containment | crossings ≤ best anchor | ≥ 5× faster than viz (median) | edge length vs dot | area vs dot |');
console.log('|---|---|---|---|---:|---:|');
for (const c of checks) console.log(`| ${c.graph} | ${c.hard ? 'yes' : 'NO'} | ${c.crossings} | ${c.speed} | ${c.length} | ${c.area} |`);
