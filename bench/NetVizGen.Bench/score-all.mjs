#!/usr/bin/env node
// Scores every layout in OUT_DIR against the shared corpus with the shared metrics, as a markdown table.
//   node bench/NetVizGen.Bench/score-all.mjs ../shared/bench OUT_DIR
import fs from 'node:fs';
import path from 'node:path';
const [benchDir, outDir] = process.argv.slice(2);
const { computeMetrics } = await import(path.resolve(benchDir, 'metrics.mjs'));
const graphs = JSON.parse(fs.readFileSync(path.join(benchDir, 'corpus', 'index.json'), 'utf8'));
const f = (v) => (typeof v === 'number' ? Math.round(v).toLocaleString('en-US') : String(v));
console.log('| graph | crossings | total edge length | area (Mpx²) | W × H | upward | overlaps | edge-through-node | containment viol. | missing |');
console.log('|---|---:|---:|---:|---|---:|---:|---:|---:|---:|');
for (const g of graphs) {
  const lp = path.join(outDir, g.file);
  if (!fs.existsSync(lp)) continue;
  const graph = JSON.parse(fs.readFileSync(path.join(benchDir, 'corpus', g.file), 'utf8'));
  const m = computeMetrics(graph, JSON.parse(fs.readFileSync(lp, 'utf8')));
  const miss = (m.missingNodes ?? 0) + (m.missingClusters ?? 0) + (m.missingRoutes ?? 0) + (m.resizedNodes ?? 0);
  console.log(`| ${g.name} | ${f(m.crossings)} | ${f(m.totalEdgeLength)} | ${(m.area / 1e6).toFixed(2)} | ${f(m.width)} × ${f(m.height)} | ${m.upwardEdges} | ${m.nodeOverlaps} | ${m.edgeNodeCrossings} | ${m.containmentViolations} | ${miss} |`);
}
